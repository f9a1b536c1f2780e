import cliProgress from 'cli-progress';
import { translator, type Translate } from '../core/i18n/translate.js';
import type { ImportFormat } from '../importers/formats.js';
import { MAX_LINE_BYTES } from '../importers/import-record.js';
import { inputSize } from '../importers/input-size.js';
import { runImport, UnknownFormatError, type ImportReport } from '../importers/run-import.js';
import { ZIP_LIMITS, type ZipLimits } from '../importers/zip-limits.js';
import { openStore } from '../store/open-store.js';
import { printReport, unknownFormatLine } from './import-outcome.js';
import { configOrExit } from './shared.js';

const PLAIN_PROGRESS_MS = 2000;
const MiB = 1024 * 1024;

export interface ImportCommandOptions {
  format?: ImportFormat;
  room?: string;
  config?: string;
  maxEntries?: string;
  maxEntryMib?: string;
  maxUnzippedMib?: string;
  maxLineMib?: string;
}

export async function importCommand(path: string, options: ImportCommandOptions): Promise<void> {
  const config = configOrExit(options.config);
  const t = translator(config.locale);
  const zipLimits = zipLimitsOf(options, t);
  const maxLineBytes = positive(options.maxLineMib, '--max-line-mib', MAX_LINE_BYTES / MiB, t) * MiB;
  const size = await inputSize(path);
  const progress = progressReporter(size, t);
  const store = await openStore(config.database.url);
  // Ctrl-C stops the reading; what was read is written before the report. A second Ctrl-C kills.
  const interrupt = new AbortController();
  const abort = () => interrupt.abort();
  process.once('SIGINT', abort).once('SIGTERM', abort);
  let report: ImportReport;
  try {
    report = await runImport(store, path, { format: options.format, room: options.room, platform: config.chat.platform, onBytes: progress.read, onBatch: progress.update, worker: true, zipLimits, maxLineBytes, signal: interrupt.signal });
  } catch (error) {
    if (!(error instanceof UnknownFormatError)) throw error;
    process.stderr.write(`${unknownFormatLine(error, size, t)}\n`);
    // An empty file is not a mistake on the command line: there is just nothing to import.
    process.exitCode = size === 0 ? 1 : 2;
    return;
  } finally {
    process.off('SIGINT', abort).off('SIGTERM', abort);
    progress.stop();
    await store.close();
  }
  printReport(report, { path, size, room: options.room }, t);
}

function zipLimitsOf(options: ImportCommandOptions, t: Translate): ZipLimits {
  return {
    maxEntries: positive(options.maxEntries, '--max-entries', ZIP_LIMITS.maxEntries, t),
    maxEntryBytes: positive(options.maxEntryMib, '--max-entry-mib', ZIP_LIMITS.maxEntryBytes / MiB, t) * MiB,
    maxTotalBytes: positive(options.maxUnzippedMib, '--max-unzipped-mib', ZIP_LIMITS.maxTotalBytes / MiB, t) * MiB,
  };
}

function positive(value: string | undefined, option: string, fallback: number, t: Translate): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (Number.isSafeInteger(number) && number > 0) return number;
  process.stderr.write(`${t('import.badLimit', { option, value, example: fallback })}\n`);
  process.exit(2);
}

/** A progress bar on a terminal; elsewhere a plain line on stderr every few seconds. */
function progressReporter(total: number, t: Translate) {
  let read = 0;
  let lastLine = Date.now();
  const percent = () => (total > 0 ? Math.min(100, Math.floor((read / total) * 100)) : 100);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: '{bar} {percentage}% | {added} added, {duplicates} duplicates, {bad} bad', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(Math.max(total, 1), 0, { added: 0, duplicates: 0, bad: 0 });
  return {
    read: (bytes: number) => {
      read += bytes;
      bar?.update(Math.min(read, total));
    },
    update: (report: ImportReport) => {
      const counts = { added: report.added, duplicates: report.duplicates, bad: report.bad };
      if (bar) return bar.update(Math.min(read, total), counts);
      if (Date.now() - lastLine < PLAIN_PROGRESS_MS) return;
      lastLine = Date.now();
      process.stderr.write(`${t('import.progress', { ...counts, percent: percent() })}\n`);
    },
    stop: () => bar?.stop(),
  };
}
