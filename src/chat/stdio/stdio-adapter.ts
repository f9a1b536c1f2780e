import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../../core/logger.js';
import type { OutgoingMessage } from '../../core/types.js';
import type { ChatAdapter, ChatAdapterState, ChatEventHandler } from '../chat-adapter.js';
import { boundedLines, DEFAULT_MAX_LINE_BYTES, type Line } from './bounded-lines.js';
import { parseLine } from './parse-line.js';

export interface StdioAdapterOptions {
  input: Readable;
  output: Writable;
  /** Where malformed-line errors go, one line each (standard error). */
  errors: Writable;
  platform: string;
  log: Logger;
  /** The bot's own identity, used for the messages it says (stored and flagged as its own). */
  self?: { id: string; name: string };
  /** Events handled at once; reading pauses beyond it. */
  maxInFlight?: number;
  /** Longest line read (bytes); a longer one is skipped with one error line, never buffered whole. */
  maxLineBytes?: number;
  /** Fault injection for chaos runs: while it returns true, `say` fails as a refusing platform would. */
  refuseSends?: () => boolean;
}

/** Test hook: sends are refused while the file named by OSSCHAT_TEST_REFUSE_SENDS_FILE exists. */
const refuseWhileFileExists = (file = process.env.OSSCHAT_TEST_REFUSE_SENDS_FILE) => () => file !== undefined && file !== '' && existsSync(file);

/** The bot over JSON Lines: events in on `input`, `say` lines out on `output`. */
export function createStdioAdapter(options: StdioAdapterOptions): ChatAdapter {
  const self = options.self ?? { id: 'osschat-bot', name: 'OSSChat' };
  const maxInFlight = options.maxInFlight ?? 1024;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const inFlight = new InFlight();
  const refusing = options.refuseSends ?? refuseWhileFileExists();
  let state: ChatAdapterState = 'idle';
  let handler: ChatEventHandler | undefined;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let reading: Promise<void> | undefined;

  function dispatch(line: Line, lineNumber: number): void {
    if (line.kind === 'too-long') {
      options.errors.write(`stdin line ${lineNumber}: longer than ${maxLineBytes} bytes (chat.stdio.maxLineBytes), skipped\n`);
      return;
    }
    const text = line.text;
    if (text.trim() === '') return;
    const parsed = parseLine(text);
    if (!parsed.ok) {
      options.errors.write(`stdin line ${lineNumber}: ${parsed.error}\n`);
      return;
    }
    inFlight.track(handler!(parsed.event).catch((error: unknown) => options.log.error({ err: error, line: lineNumber }, 'event not handled')));
  }

  async function readAll(): Promise<void> {
    let lineNumber = 0;
    for await (const line of boundedLines(options.input, maxLineBytes, stopped)) {
      dispatch(line, ++lineNumber);
      await inFlight.below(maxInFlight);
    }
    await inFlight.below(1);
    state = 'stopped';
  }

  return {
    platform: options.platform,
    get state() {
      return state;
    },
    async start(onEvent) {
      handler = onEvent;
      state = 'ready';
      reading = readAll();
    },
    async stop() {
      stop();
      await reading;
      await inFlight.below(1);
      state = 'stopped';
    },
    async say(message: OutgoingMessage) {
      if (refusing()) throw new Error('the chat platform refused the message (send fault injected)');
      const target = message.direct ? { user: message.room } : { room: message.room };
      const line = { type: 'say', ...target, text: message.text, ...(message.replyTo ? { replyTo: message.replyTo } : {}) };
      options.output.write(`${JSON.stringify(line)}\n`);
      // What the bot says is part of the log, as on platforms that echo the bot's own messages.
      const room = message.direct ? null : { id: message.room };
      const to = message.direct ? { id: message.room } : undefined;
      inFlight.track(handler!({ type: 'message', id: `self-${randomUUID()}`, room, to, from: self, text: message.text, kind: 'text', ts: new Date(), self: true }).catch(
        (error: unknown) => options.log.error({ err: error }, 'own message not recorded'),
      ));
    },
    finished: async () => {
      await reading;
    },
  };
}

/** Counts events being handled; a waiter resumes when the count drops below its limit. */
class InFlight {
  private count = 0;
  private waiters: { limit: number; resume: () => void }[] = [];

  track(work: Promise<void>): void {
    this.count += 1;
    void work.finally(() => {
      this.count -= 1;
      this.waiters = this.waiters.filter((waiter) => (this.count < waiter.limit ? (waiter.resume(), false) : true));
    });
  }

  below(limit: number): Promise<void> {
    if (this.count < limit) return Promise.resolve();
    return new Promise((resume) => this.waiters.push({ limit, resume }));
  }
}
