import type { ImportFormat } from './formats.js';
import type { BadRecord, SkippedRecord } from './import-record.js';
import type { LimitBreach } from './zip-limits.js';

/** What an import did; every count is of records read, `added` of messages now in the database. */
export interface ImportReport {
  format: ImportFormat;
  added: number;
  duplicates: number;
  /** How many records could not be read or were refused by the database. */
  bad: number;
  /** The first of them, with their positions. */
  badRecords: BadRecord[];
  /** WhatsApp's own lines passed over: the encryption notice, "X added you", media left out of the export. */
  systemLines: number;
  /** The chats of a multi-chat export that `--room` left out, by name. */
  skippedChats: string[];
  /** `--room` named none of the chats of a multi-chat export, so nothing was read. */
  noSuchChat?: { wanted: string; chats: string[] };
  /** Set when the input broke off (truncated JSON, unreadable zip): what was read before is kept. */
  stoppedBy?: string;
  /** Set when the input went over a limit (a zip bomb): what was read before is kept. */
  limit?: LimitBreach;
  /** Stopped on request (Ctrl-C): what was read before is kept, the rest is read by the next run. */
  interrupted?: boolean;
  /** The database failed a write, not because of a record: only `added` messages are saved. */
  writeFailed?: string;
}

const KEPT_BAD_RECORDS = 100;

export function countSkipped(report: ImportReport, record: SkippedRecord): void {
  if (record.reason === 'system') report.systemLines++;
  else report.skippedChats.push(record.at);
}

export function countBad(report: ImportReport, record: BadRecord): void {
  report.bad++;
  if (report.badRecords.length < KEPT_BAD_RECORDS) report.badRecords.push(record);
}
