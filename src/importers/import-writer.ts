import { commands } from '../core/commands/registry.js';
import { findCommand } from '../core/commands/command.js';
import { Directory } from '../core/ingest/directory.js';
import type { ChatMessageEvent, Room } from '../core/types.js';
import type { MessageInput, Repositories, Store } from '../store/store.js';
import type { ImportedChange } from './import-record.js';
import type { PlannedMessage, PlannedRecord } from './import-plan.js';

export { MessageIds, type ImportTarget } from './import-plan.js';

export interface WriteCounts {
  added: number;
  duplicates: number;
}

const REMEMBERED_INSERTS = 100_000;

/**
 * Writes planned records (ids, target room and conversations settled by the ImportPlanner) into
 * the message log in one transaction per batch, through the ingest Directory (rooms and members)
 * and the message insert that ignores a (room, platform id) already stored. A command in the
 * export (`以上五条开工单`, `/help`, a malformed one) is stored as a command, so analytics, the archive
 * and later issue transcripts leave it out as they do live; no job is enqueued: imported messages are history.
 */
export class ImportWriter {
  private readonly directories = new Map<string, Directory>();
  /** Messages inserted by this import: only their edits and recalls apply, so re-importing changes nothing. */
  private readonly inserted = new Set<string>();

  constructor(private readonly store: Store) {}

  async write(records: PlannedRecord[]): Promise<WriteCounts> {
    try {
      const inserted = new Set<string>();
      const counts = await this.store.transaction((tx) => this.apply(tx, records, inserted));
      // Remembered once committed: a batch rolled back (and written again in halves) inserted nothing.
      for (const key of inserted) this.remember(key);
      return counts;
    } catch (error) {
      for (const directory of this.directories.values()) directory.forget();
      throw error;
    }
  }

  private async apply(tx: Repositories, records: PlannedRecord[], inserted: Set<string>): Promise<WriteCounts> {
    const counts: WriteCounts = { added: 0, duplicates: 0 };
    const inputs: MessageInput[] = [];
    const flush = async () => {
      const stored = await tx.messages.insertMany(inputs);
      for (const message of stored) {
        if (!message) continue;
        counts.added++;
        inserted.add(key(message.roomId, message.platformMsgId));
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
      const ours = this.inserted.has(key(room!.id, record.id)) || inserted.has(key(room!.id, record.id));
      const applied = ours && (await this.applyChange(tx, room!, record));
      if (applied) counts.added++;
      else counts.duplicates++;
    }
    await flush();
    return counts;
  }

  private async input(tx: Repositories, record: PlannedMessage, room: Room): Promise<MessageInput> {
    const sender = await this.directory(record.platform).member(tx, record.from);
    const input: MessageInput = { roomId: room.id, senderId: sender.id, platformMsgId: record.id, kind: record.kind, text: record.text, ts: record.ts, replyTo: record.replyTo, isSelf: record.self ?? false };
    if (record.conversationId !== undefined) input.conversationId = record.conversationId;
    if (record.threadParent !== undefined) input.threadParent = record.threadParent;
    const command = input.isSelf ? undefined : historyCommand(record.text);
    if (command) input.command = command;
    return input;
  }

  private applyChange(tx: Repositories, room: Room, change: ImportedChange): Promise<boolean> {
    return change.type === 'recall' ? tx.messages.recall(room.id, change.id, change.ts) : tx.messages.edit(room.id, change.id, change.text ?? '', change.ts);
  }

  private directory(platform: string): Directory {
    let directory = this.directories.get(platform);
    if (!directory) this.directories.set(platform, (directory = new Directory(platform)));
    return directory;
  }

  private remember(key: string): void {
    if (this.inserted.size >= REMEMBERED_INSERTS) this.inserted.clear();
    this.inserted.add(key);
  }
}

/** The command an exported message was, judged as the live bot would without knowing what it quoted. */
function historyCommand(text: string): string | undefined {
  return findCommand(commands, text, { quoting: false, botNames: [] })?.command.name;
}

function key(roomId: number, platformMsgId: string): string {
  return `${roomId}\u0000${platformMsgId}`;
}

function toEvent(record: PlannedRecord): ChatMessageEvent {
  return { type: 'message', id: record.id ?? '', room: record.room, from: record.type === 'message' ? record.from : { id: '' }, text: record.text ?? '', kind: 'text', ts: record.ts };
}
