import type { Translate } from '../core/i18n/translate.js';
import type { UnknownFormatError } from '../importers/detect.js';
import { IMPORT_FORMATS } from '../importers/formats.js';
import type { BadRecord } from '../importers/import-record.js';
import type { ImportReport } from '../importers/run-import.js';
import type { LimitBreach } from '../importers/zip-limits.js';

const LISTED_BAD_RECORDS = 20;
const LISTED_CHATS = 10;
const MiB = 1024 * 1024;
/** The shell's exit status for a command stopped by Ctrl-C. */
const INTERRUPTED_EXIT = 130;
/** A usage error: the command line names something that is not there. */
const USAGE_EXIT = 2;

/** What the user asked the import for, to say it back. */
export interface ImportAsked {
  path: string;
  room?: string;
  /** Bytes of the input: 0 for an empty file. */
  size: number;
}

/** Prints an import's report and sets the exit code: 0 only when every record was read and the export's messages are all in the database. */
export function printReport(report: ImportReport, asked: ImportAsked, t: Translate): void {
  if (report.noSuchChat) {
    process.stderr.write(`${t('import.noSuchChat', { path: asked.path, wanted: report.noSuchChat.wanted, chats: listed(report.noSuchChat.chats) })}\n`);
    process.exitCode = USAGE_EXIT;
    return;
  }
  for (const bad of report.badRecords.slice(0, LISTED_BAD_RECORDS)) process.stderr.write(`${badRecordLine(bad, t)}\n`);
  if (report.bad > LISTED_BAD_RECORDS) process.stderr.write(`${t('import.moreBad', { count: report.bad - LISTED_BAD_RECORDS })}\n`);
  const stop = stopLine(report, asked.path, t);
  if (stop) process.stderr.write(`${stop}\n`);
  const counts = { format: report.format, added: report.added, duplicates: report.duplicates, bad: report.bad };
  process.stdout.write(`${t(report.interrupted ? 'import.interrupted' : 'import.summary', counts)}\n`);
  for (const line of skippedLines(report, asked, t)) process.stdout.write(`${line}\n`);
  const nothing = stop || report.interrupted ? undefined : nothingAddedLine(report, asked, t);
  if (nothing) (report.duplicates > 0 ? process.stdout : process.stderr).write(`${nothing}\n`);
  const failed = report.bad > 0 || report.stoppedBy || report.writeFailed || report.added + report.duplicates === 0;
  process.exitCode = report.interrupted ? INTERRUPTED_EXIT : failed ? 1 : 0;
}

/** The line for an export whose format cannot be told; an empty file says so. */
export function unknownFormatLine(error: UnknownFormatError, size: number, t: Translate): string {
  if (error.reason) return t('import.unreadableZip', { path: error.path, reason: error.reason });
  if (error.container) return t('import.unknownExport', { path: error.path });
  if (size === 0) return t('import.emptyFile', { path: error.path });
  return t('import.unknownFormat', { path: error.path, formats: IMPORT_FORMATS.join(', ') });
}

/** What was passed over on purpose: WhatsApp's own lines, the chats `--room` left out. */
function skippedLines(report: ImportReport, asked: ImportAsked, t: Translate): string[] {
  const lines: string[] = [];
  if (report.systemLines > 0) lines.push(t('import.skippedSystem', { count: report.systemLines }));
  const chats = report.skippedChats;
  if (chats.length > 0) lines.push(t('import.skippedChats', { room: asked.room ?? '', count: chats.length, chats: listed(chats) }));
  return lines;
}

/** Why an import that read its input to the end added nothing. */
function nothingAddedLine(report: ImportReport, asked: ImportAsked, t: Translate): string | undefined {
  if (report.added > 0) return undefined;
  if (report.duplicates > 0) return t('import.allDuplicates', { count: report.duplicates });
  if (asked.size === 0) return t('import.emptyFile', { path: asked.path });
  if (report.systemLines > 0 && report.bad === 0) return t('import.onlySystem', { path: asked.path, count: report.systemLines });
  return t('import.nothingRecognised', { path: asked.path, format: report.format, bad: report.bad, formats: IMPORT_FORMATS.join(', ') });
}

function listed(names: string[]): string {
  const shown = names.slice(0, LISTED_CHATS).join(', ');
  return names.length > LISTED_CHATS ? `${shown} … (+${names.length - LISTED_CHATS})` : shown;
}

function badRecordLine(bad: BadRecord, t: Translate): string {
  if (!bad.lineTooLong) return t('import.badRecord', { at: bad.at, reason: bad.reason });
  const { bytes, limit } = bad.lineTooLong;
  return t('import.lineTooLong', { at: bad.at, size: Math.ceil(bytes / MiB), limit: limit / MiB });
}

/** Why the import ended early, in words that are true of what is saved. */
function stopLine(report: ImportReport, path: string, t: Translate): string | undefined {
  if (report.writeFailed) return t('import.writeFailed', { reason: report.writeFailed, added: report.added });
  if (report.limit) return limitLine(report.limit, path, t);
  if (report.stoppedBy) return t('import.stopped', { reason: report.stoppedBy });
  return undefined;
}

function limitLine(breach: LimitBreach, path: string, t: Translate): string {
  const mib = (bytes: number) => Math.ceil(bytes / MiB);
  switch (breach.kind) {
    case 'entries':
      return t('import.limit.entries', { path, count: breach.count, limit: breach.limit });
    case 'total':
      return t('import.limit.total', { path, size: mib(breach.bytes), limit: mib(breach.limit) });
    case 'entry':
      return t('import.limit.entry', { path, entry: breach.entry, size: mib(breach.bytes), limit: mib(breach.limit) });
    case 'declared':
      return t('import.limit.declared', { path, entry: breach.entry, declared: breach.declared });
  }
}
