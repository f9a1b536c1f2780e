import { createHash } from 'node:crypto';
import { Threader } from '../core/threads/threader.js';
import type { BadRecord, ImportedChange, ImportedMessage, Importer, ImporterOptions, SkippedRecord } from './import-record.js';

/** Where every message goes when the user names a room: an existing room, or a new topic. */
export type ImportTarget = { platform: string; id: string } | { topic: string };

/** A message with its id settled and its place in a conversation decided, ready to be written. */
export interface PlannedMessage extends ImportedMessage {
  id: string;
  conversationId?: string;
  threadParent?: string;
}

export type PlannedRecord = PlannedMessage | ImportedChange;

/**
 * Everything an import decides without the database, in the export's order: message ids for
 * exports without them, the room the user named, and each message's conversation (one threading
 * engine per room, fed the history in order). It needs no store, so it can run in a worker thread
 * while the main thread writes the previous batch.
 */
export class ImportPlanner {
  private readonly ids = new MessageIds();
  private readonly threaders = new Map<string, Threader>();

  constructor(private readonly target?: ImportTarget) {}

  plan(record: ImportedMessage | ImportedChange): PlannedRecord {
    if (record.type !== 'message') return this.retarget(record);
    const message: PlannedMessage = this.retarget({ ...record, id: this.ids.of(record) });
    if (!message.self) this.place(message);
    return message;
  }

  private place(message: PlannedMessage): void {
    const room = `${message.platform}\u0000${message.room.id}`;
    let threader = this.threaders.get(room);
    if (!threader) this.threaders.set(room, (threader = new Threader()));
    const senderName = message.from.name ?? message.from.id;
    const link = threader.add({ id: message.id, senderId: message.from.id, senderName, text: message.text, ts: message.ts.getTime(), ...(message.replyTo ? { replyTo: message.replyTo } : {}) });
    message.conversationId = link.conversation;
    if (link.replyTo !== null) message.threadParent = link.replyTo;
  }

  private retarget<T extends ImportedMessage | ImportedChange>(record: T): T {
    const target = this.target;
    if (!target) return record;
    if ('platform' in target) return { ...record, platform: target.platform, room: { id: target.id } };
    return record.room.id === target.topic ? record : { ...record, room: { id: record.room.id, topic: target.topic } };
  }
}

/** One step of a planned import: the records read since the last, and the input bytes read. */
export interface PlannedChunk {
  items: (PlannedRecord | BadRecord | SkippedRecord)[];
  bytes: number;
}

/**
 * Reads an export and plans its records, in chunks of about `chunkSize`. Throws what the
 * importer throws (a truncated file) after yielding everything read before it.
 */
export async function* planImport(importer: Importer, path: string, options: ImporterOptions, target: ImportTarget | undefined, chunkSize: number): AsyncGenerator<PlannedChunk> {
  const planner = new ImportPlanner(target);
  let bytes = 0;
  let items: PlannedChunk['items'] = [];
  const take = (): PlannedChunk => {
    const chunk = { items, bytes };
    items = [];
    bytes = 0;
    return chunk;
  };
  try {
    for await (const item of importer(path, { ...options, onBytes: (read) => (bytes += read) })) {
      items.push(item.type === 'bad' || item.type === 'skipped' ? item : planner.plan(item));
      if (items.length >= chunkSize) yield take();
    }
  } catch (error) {
    // What was read before the input broke off is still written.
    if (items.length > 0 || bytes > 0) yield take();
    throw error;
  }
  if (items.length > 0 || bytes > 0) yield take();
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
