import { createHash } from 'node:crypto';
import { Directory } from '../core/ingest/directory.js';
import { Threader } from '../core/threads/threader.js';
import type { ChatMessageEvent, Room } from '../core/types.js';
import type { MessageInput, Repositories, Store } from '../store/store.js';
import type { ImportedChange, ImportedMessage } from './import-record.js';

/** Where every message goes when the user names a room: an existing room, or a new topic. */
export type ImportTarget = { platform: string; id: string } | { topic: string };

export interface WriteCounts {
  added: number;
  duplicates: number;
}

const REMEMBERED_INSERTS = 100_000;

/**
 * Writes imported records into the message log in one transaction per batch, through the ingest
 * Directory (rooms and members) and the message insert that ignores a (room, platform id) already
 * stored. No command is classified and no job enqueued: imported messages are history.
 */
export class ImportWriter {
  private readonly directories = new Map<string, Directory>();
  private readonly ids = new MessageIds();
  /** One threading engine per room: imported history is placed in conversations as it is written. */
  private readonly threaders = new Map<number, Threader>();
  /** Messages inserted by this import: only their edits and recalls apply, so re-importing changes nothing. */
  private readonly inserted = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly target?: ImportTarget,
  ) {}

  async write(records: (ImportedMessage | ImportedChange)[]): Promise<WriteCounts> {
    const prepared = records.map((record) => this.retarget(record.type === 'message' ? { ...record, id: this.ids.of(record) } : record));
    try {
      return await this.store.transaction((tx) => this.apply(tx, prepared));
    } catch (error) {
      for (const directory of this.directories.values()) directory.forget();
      throw error;
    }
  }

  private async apply(tx: Repositories, records: (ImportedMessage | ImportedChange)[]): Promise<WriteCounts> {
    const counts: WriteCounts = { added: 0, duplicates: 0 };
    const inputs: MessageInput[] = [];
    const flush = async () => {
      const stored = await tx.messages.insertMany(inputs);
      for (const message of stored) {
        if (!message) continue;
        counts.added++;
        this.remember(message.roomId, message.platformMsgId);
      }
      counts.duplicates += stored.length - stored.filter(Boolean).length;
      inputs.length = 0;
    };
    for (const record of records) {
      const event = toEvent(record);
      const room = await this.directory(record.platform).room(tx, event);
      if (record.type === 'message') {
        inputs.push(await this.input(tx, record, room!));
        continue;
      }
      await flush();
      const applied = this.inserted.has(key(room!.id, record.id)) && (await this.applyChange(tx, room!, record));
      if (applied) counts.added++;
      else counts.duplicates++;
    }
    await flush();
    return counts;
  }

  private async input(tx: Repositories, record: ImportedMessage, room: Room): Promise<MessageInput> {
    const sender = await this.directory(record.platform).member(tx, record.from);
    const input: MessageInput = { roomId: room.id, senderId: sender.id, platformMsgId: record.id!, kind: record.kind, text: record.text, ts: record.ts, replyTo: record.replyTo, isSelf: record.self ?? false };
    if (!input.isSelf) this.place(input, sender.externalId, sender.name ?? record.from.name ?? sender.externalId);
    return input;
  }

  private place(input: MessageInput, senderId: string, senderName: string): void {
    let threader = this.threaders.get(input.roomId);
    if (!threader) this.threaders.set(input.roomId, (threader = new Threader()));
    const link = threader.add({ id: input.platformMsgId, senderId, senderName, text: input.text, ts: input.ts.getTime(), ...(input.replyTo ? { replyTo: input.replyTo } : {}) });
    input.conversationId = link.conversation;
    if (link.replyTo !== null) input.threadParent = link.replyTo;
  }

  private applyChange(tx: Repositories, room: Room, change: ImportedChange): Promise<boolean> {
    return change.type === 'recall' ? tx.messages.recall(room.id, change.id, change.ts) : tx.messages.edit(room.id, change.id, change.text ?? '', change.ts);
  }

  private retarget<T extends ImportedMessage | ImportedChange>(record: T): T {
    const target = this.target;
    if (!target) return record;
    if ('platform' in target) return { ...record, platform: target.platform, room: { id: target.id } };
    return record.room.id === target.topic ? record : { ...record, room: { id: record.room.id, topic: target.topic } };
  }

  private directory(platform: string): Directory {
    let directory = this.directories.get(platform);
    if (!directory) this.directories.set(platform, (directory = new Directory(platform)));
    return directory;
  }

  private remember(roomId: number, platformMsgId: string): void {
    if (this.inserted.size >= REMEMBERED_INSERTS) this.inserted.clear();
    this.inserted.add(key(roomId, platformMsgId));
  }
}

function key(roomId: number, platformMsgId: string): string {
  return `${roomId}\u0000${platformMsgId}`;
}

function toEvent(record: ImportedMessage | ImportedChange): ChatMessageEvent {
  return { type: 'message', id: record.id ?? '', room: record.room, from: record.type === 'message' ? record.from : { id: '' }, text: record.text ?? '', kind: 'text', ts: record.ts };
}

/**
 * Ids for messages the export gives none: a hash of room, sender, time and text, plus how many
 * identical messages came before in the same second (exports with minute precision repeat "ok").
 */
export class MessageIds {
  private lastTs = Number.NaN;
  private seen = new Map<string, number>();

  of(record: ImportedMessage): string {
    if (record.id !== undefined) return record.id;
    const ts = record.ts.getTime();
    if (ts !== this.lastTs) {
      this.lastTs = ts;
      this.seen.clear();
    }
    const base = `${record.room.id}\u0000${record.from.id}\u0000${ts}\u0000${record.text}`;
    const occurrence = this.seen.get(base) ?? 0;
    this.seen.set(base, occurrence + 1);
    return `h:${createHash('sha256').update(occurrence ? `${base}\u0000${occurrence}` : base).digest('base64url').slice(0, 22)}`;
  }
}
