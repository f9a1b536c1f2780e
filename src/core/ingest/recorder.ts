import type { MessageInput, Repositories, Store } from '../../store/store.js';
import type { Logger } from '../logger.js';
import type { ChatEvent, ChatMessageEvent, Member, Room, RoomRole, StoredMessage } from '../types.js';
import type { QuotedMessage } from '../commands/command.js';
import { GroupCommit } from '../group-commit.js';
import { Directory } from './directory.js';
import type { RoomThreads } from '../threads/room-threads.js';

export type Recorded =
  | { type: 'message'; room: Room; sender: Member; event: ChatMessageEvent; message: StoredMessage | undefined; roomRole?: RoomRole }
  | { type: 'recall' | 'edit'; room: Room | undefined; applied: boolean };

const MAX_BATCH = 1000;

export interface RecorderHooks {
  /** The command a new message is, if any: stored with it, and run from a job written in the same transaction. */
  classify?: (event: ChatMessageEvent, quoting: boolean, quoted?: QuotedMessage) => string | undefined;
  /** Called after a commit that enqueued jobs. */
  onJobs?: () => void;
  /** Places each new message people write in its conversation, stored with it. */
  threads?: RoomThreads;
}

/** Writes chat events to the message log, with group commit (see GroupCommit). */
export class Recorder {
  private readonly directory: Directory;
  private readonly batches: GroupCommit<ChatEvent, Recorded>;

  constructor(store: Store, platform: string, log: Logger, private readonly hooks: RecorderHooks = {}) {
    this.directory = new Directory(platform);
    this.batches = new GroupCommit(store, log, {
      write: (tx, events) => this.apply(tx, events),
      maxBatch: MAX_BATCH,
      label: 'chat events',
      onCommit: (results) => {
        if (results.some((result) => result.type === 'message' && result.message?.command)) this.hooks.onJobs?.();
      },
      onRollback: () => {
        this.directory.forget();
        this.hooks.threads?.forget();
      },
    });
  }

  record(event: ChatEvent): Promise<Recorded> {
    return this.batches.submit(event);
  }

  /** Resolves when every submitted event is written (or has failed). */
  drain(): Promise<void> {
    return this.batches.drain();
  }

  private async apply(tx: Repositories, events: ChatEvent[]): Promise<Recorded[]> {
    const results: Recorded[] = [];
    const inserts: { index: number; input: MessageInput; room: Room; sender: Member; roomRole?: RoomRole; event: ChatMessageEvent }[] = [];
    const writeInserts = async () => {
      const stored = await tx.messages.insertMany(inserts.map((insert) => insert.input));
      inserts.forEach(({ index, room, sender, roomRole, event }, i) => (results[index] = { type: 'message', room, sender, event, message: stored[i], ...(roomRole ? { roomRole } : {}) }));
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

  private async prepare(tx: Repositories, event: ChatMessageEvent): Promise<{ input: MessageInput; room: Room; sender: Member; roomRole?: RoomRole }> {
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
    const roomRole = await this.directory.roomRole(tx, room, sender, event.from.role, Boolean(input.command));
    if (!input.isSelf && !input.command && this.hooks.threads) await this.place(tx, input, event, sender);
    return { input, room, sender, ...(roomRole ? { roomRole } : {}) };
  }

  private async place(tx: Repositories, input: MessageInput, event: ChatMessageEvent, sender: Member): Promise<void> {
    const link = await this.hooks.threads!.place(tx, input.roomId, {
      id: input.platformMsgId,
      senderId: sender.externalId,
      senderName: sender.name ?? event.from.name ?? sender.externalId,
      text: input.text,
      ts: input.ts.getTime(),
      ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    });
    input.conversationId = link.conversation;
    if (link.replyTo !== null) input.threadParent = link.replyTo;
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
