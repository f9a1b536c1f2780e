import type { MessageInput, Repositories, Store } from '../../store/store.js';
import type { Logger } from '../logger.js';
import type { ChatEvent, ChatMessageEvent, Member, Room, StoredMessage } from '../types.js';
import type { QuotedMessage } from '../commands/command.js';
import { Directory } from './directory.js';

export type Recorded =
  | { type: 'message'; room: Room; sender: Member; event: ChatMessageEvent; message: StoredMessage | undefined }
  | { type: 'recall' | 'edit'; room: Room | undefined; applied: boolean };

interface Pending {
  event: ChatEvent;
  resolve: (recorded: Recorded) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 1000;

export interface RecorderHooks {
  /** The command a new message is, if any: stored with it, and run from a job written in the same transaction. */
  classify?: (event: ChatMessageEvent, quoting: boolean, quoted?: QuotedMessage) => string | undefined;
  /** Called after a commit that enqueued jobs. */
  onJobs?: () => void;
}

/**
 * Writes chat events to the message log with group commit: events submitted while a write is
 * running go into the next transaction together, so a busy stream costs one commit per batch.
 * Each caller's promise settles only after its event is committed.
 */
export class Recorder {
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private readonly directory: Directory;

  constructor(
    private readonly store: Store,
    platform: string,
    private readonly log: Logger,
    private readonly hooks: RecorderHooks = {},
  ) {
    this.directory = new Directory(platform);
  }

  record(event: ChatEvent): Promise<Recorded> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      this.flushing ??= new Promise<void>((done) => setImmediate(done)).then(() => this.flush());
    });
  }

  /** Resolves when every submitted event is written (or has failed). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      await this.writeBatch(batch);
    }
    this.flushing = undefined;
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      const results = await this.store.transaction((tx) => this.apply(tx, batch.map((item) => item.event)));
      if (results.some((result) => result.type === 'message' && result.message?.command)) this.hooks.onJobs?.();
      batch.forEach((item, index) => item.resolve(results[index]!));
    } catch (error) {
      this.directory.forget();
      if (batch.length === 1) return batch[0]!.reject(error);
      // Retry one by one: one bad event must not lose the others in its batch.
      this.log.warn({ err: error, size: batch.length }, 'batch write failed; retrying events one by one');
      for (const item of batch) await this.writeBatch([item]);
    }
  }

  private async apply(tx: Repositories, events: ChatEvent[]): Promise<Recorded[]> {
    const results: Recorded[] = [];
    const inserts: { index: number; input: MessageInput; room: Room; sender: Member; event: ChatMessageEvent }[] = [];
    const writeInserts = async () => {
      const stored = await tx.messages.insertMany(inserts.map((insert) => insert.input));
      inserts.forEach(({ index, room, sender, event }, i) => (results[index] = { type: 'message', room, sender, event, message: stored[i] }));
      inserts.length = 0;
      for (const message of stored) if (message?.command) await enqueueCommand(tx, message);
    };
    for (const [index, event] of events.entries()) {
      if (event.type === 'message') {
        if (event.quote && !event.replyTo) await writeInserts();
        const prepared = await this.prepare(tx, event);
        inserts.push({ index, ...prepared, event });
        continue;
      }
      await writeInserts();
      results[index] = await this.applyChange(tx, event);
    }
    await writeInserts();
    return results;
  }

  private async prepare(tx: Repositories, event: ChatMessageEvent): Promise<{ input: MessageInput; room: Room; sender: Member }> {
    const room = (await this.directory.room(tx, event))!;
    const sender = await this.directory.member(tx, event.from);
    const quoted = event.replyTo
      ? await tx.messages.findByPlatformId(room.id, event.replyTo)
      : event.quote && (await tx.messages.findQuoted(room.id, event.quote.senderName, event.quote.text));
    const input: MessageInput = {
      roomId: room.id,
      senderId: sender.id,
      platformMsgId: event.id,
      kind: event.kind,
      text: event.text,
      ts: event.ts,
      replyTo: event.replyTo ?? quoted?.platformMsgId,
      isSelf: event.self ?? false,
      command: event.self ? undefined : this.hooks.classify?.(event, Boolean(event.replyTo ?? event.quote), quoted && { text: quoted.text, fromBot: quoted.isSelf }),
    };
    return { input, room, sender };
  }

  private async applyChange(tx: Repositories, event: Exclude<ChatEvent, ChatMessageEvent>): Promise<Recorded> {
    const room = await this.directory.room(tx, event);
    if (!room) return { type: event.type, room, applied: false };
    const applied =
      event.type === 'recall'
        ? await tx.messages.recall(room.id, event.id, event.ts)
        : await tx.messages.edit(room.id, event.id, event.text, event.ts);
    return { type: event.type, room, applied };
  }
}

function enqueueCommand(tx: Repositories, message: StoredMessage) {
  return tx.outbox.enqueue({ kind: 'command', payload: { messageId: message.id }, idempotencyKey: `command:${message.id}`, roomId: message.roomId });
}
