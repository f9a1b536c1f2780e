import type { Store } from '../store/store.js';
import { commandRouter } from './commands/router.js';
import { commands as defaultCommands } from './commands/registry.js';
import type { Command } from './commands/command.js';
import { compose, withErrorBoundary, type Middleware } from './compose.js';
import { createContext, type ChatContext } from './context.js';
import { translator } from './i18n/translate.js';
import { Recorder, type Recorded } from './ingest/recorder.js';
import type { Logger } from './logger.js';
import type { ChatEvent, Locale, OutgoingMessage } from './types.js';

export interface Feature {
  name: string;
  middleware: Middleware<ChatContext>;
}

export interface BotOptions {
  store: Store;
  /** Platform name stored with rooms and members (`wechat`, `stdio`…). */
  platform: string;
  send: (message: OutgoingMessage) => Promise<void>;
  log: Logger;
  admins?: readonly string[];
  locale?: Locale;
  commands?: readonly Command<any>[];
  /** Features after the commands (FAQ…), each behind its own error boundary. */
  features?: readonly Feature[];
}

export interface Bot {
  /** The one way in: stores the event, then routes a new message through the features. */
  handle(event: ChatEvent): Promise<Recorded>;
  /** Resolves when every event handed in so far is stored and routed. */
  drain(): Promise<void>;
}

export function createBot(options: BotOptions): Bot {
  const recorder = new Recorder(options.store, options.platform, options.log);
  const features: Feature[] = [{ name: 'commands', middleware: commandRouter(options.commands ?? defaultCommands) }, ...(options.features ?? [])];
  const pipeline = compose(features.map((feature) => withErrorBoundary(feature.name, feature.middleware)));
  const admins = new Set(options.admins ?? []);
  const rooms = new RoomQueues();

  async function route(recorded: Extract<Recorded, { type: 'message' }>): Promise<void> {
    const { room, sender, message } = recorded;
    if (!message || message.isSelf) return;
    const locale = room.locale ?? options.locale ?? 'zh-CN';
    const deps = { store: options.store, log: options.log, t: translator(locale), locale, isAdmin: admins.has(sender.externalId), send: options.send };
    await rooms.run(room.id, () => pipeline(createContext({ ...recorded, message }, deps)));
  }

  return {
    async handle(event) {
      const recorded = await recorder.record(event);
      if (recorded.type === 'message') await route(recorded);
      return recorded;
    },
    async drain() {
      await recorder.drain();
      await rooms.idle();
    },
  };
}

/** Messages of one room are routed one after another, in the order they were stored. */
class RoomQueues {
  private tails = new Map<number, Promise<void>>();

  run(roomId: number, work: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(roomId) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(roomId, tail);
    void tail.then(() => this.tails.get(roomId) === tail && this.tails.delete(roomId));
    return current;
  }

  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
