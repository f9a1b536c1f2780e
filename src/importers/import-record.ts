import type { MessageKind } from '../core/types.js';
import type { ZipLimits } from './zip-limits.js';

/** A chat message read from an export, the same shape for every format. */
export interface ImportedMessage {
  type: 'message';
  /** Platform the export comes from: rooms and members are keyed by it. */
  platform: string;
  room: { id: string; topic?: string };
  /** Platform message id; without one the writer derives an id from room, sender, time and text. */
  id?: string;
  from: { id: string; name?: string };
  text: string;
  ts: Date;
  /** Platform id of the message this one quotes or answers in a thread. */
  replyTo?: string;
  kind: MessageKind;
  /** A message the bot itself sent (our own exports mark them). */
  self?: boolean;
}

/** An edit or recall of an earlier message (only our own JSON Lines carry them). */
export interface ImportedChange {
  type: 'edit' | 'recall';
  platform: string;
  room: { id: string; topic?: string };
  id: string;
  text?: string;
  ts: Date;
}

/** A record that could not be read: where it is and why; the import goes on. */
export interface BadRecord {
  type: 'bad';
  at: string;
  reason: string;
  /** Set for a line (or CSV record) over the line limit: its size and the limit, in bytes. */
  lineTooLong?: { bytes: number; limit: number };
}

/**
 * A record read and passed over on purpose: a system line (encryption notice, "X added you",
 * a media placeholder: not a member and not chat), or a whole chat that `--room` left out.
 */
export interface SkippedRecord {
  type: 'skipped';
  reason: 'system' | 'other-chat';
  /** Where the line is, or the name of the chat left out. */
  at: string;
}

export type ImportItem = ImportedMessage | ImportedChange | BadRecord | SkippedRecord;

export interface ImporterOptions {
  /**
   * Multi-chat exports (Telegram account, Slack workspace): read only the chat with this name or
   * id (an export of one chat is read whole: `--room` then only names the room it goes to).
   */
  chat?: string;
  /** Platform of our own JSON Lines (the stdio adapter's `chat.platform`). */
  platform?: string;
  /** Called with the number of bytes read from the input, as they are read. */
  onBytes?: (bytes: number) => void;
  /** How much of a zipped export is unpacked (default ZIP_LIMITS). */
  zipLimits?: ZipLimits;
  /** Most bytes one line (a CSV record) of a line-based export may hold (default MAX_LINE_BYTES). */
  maxLineBytes?: number;
}

/**
 * A line of a line-based export is held whole while it is read: longer lines are passed over as
 * they stream by. 16 MiB, like the JSON scanner's cap on one value (MAX_VALUE_CHARS).
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Reads one export (a file, or a folder/zip for Slack) as a stream of records. */
export type Importer = (path: string, options?: ImporterOptions) => AsyncIterable<ImportItem>;

export function bad(at: string, reason: string): BadRecord {
  return { type: 'bad', at, reason };
}

/** A record longer than the scanner builds: passed over, the import goes on. */
export function tooLarge(at: string, chars: number): BadRecord {
  return bad(at, `${chars} characters, longer than a message can be: passed over`);
}

/** A line (or CSV record) over the limit: passed over, the import goes on with the next one. */
export function lineTooLong(at: string, bytes: number, limit: number): BadRecord {
  return { ...bad(at, `${bytes} bytes without a line break, over the limit of ${limit} bytes a line: passed over`), lineTooLong: { bytes, limit } };
}

export function skipped(reason: SkippedRecord['reason'], at: string): SkippedRecord {
  return { type: 'skipped', reason, at };
}
