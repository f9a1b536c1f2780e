import cliProgress from 'cli-progress';
import { translator, type Translate } from '../core/i18n/translate.js';
import { IMPORT_FORMATS, type ImportFormat } from '../importers/formats.js';
import { inputSize } from '../importers/input-size.js';
import { runImport, UnknownFormatError, type ImportReport } from '../importers/run-import.js';
import { openStore } from '../store/open-store.js';
import { configOrExit } from './shared.js';

const LISTED_BAD_RECORDS = 20;
const PLAIN_PROGRESS_MS = 2000;

export async function importCommand(path: string, options: { format?: ImportFormat; room?: string; config?: string }): Promise<void> {
  const config = configOrExit(options.config);
  const t = translator(config.locale);
  const progress = progressReporter(await inputSize(path), t);
  const store = await openStore(config.database.url);
  let report: ImportReport;
  try {
    report = await runImport(store, path, { format: options.format, room: options.room, platform: config.chat.platform, onBytes: progress.read, onBatch: progress.update, worker: true });
  } catch (error) {
    if (!(error instanceof UnknownFormatError)) throw error;
    process.stderr.write(`${t('import.unknownFormat', { path, formats: IMPORT_FORMATS.join(', ') })}\n`);
    process.exitCode = 2;
    return;
  } finally {
    progress.stop();
    await store.close();
  }
  printReport(report, t);
}

function printReport(report: ImportReport, t: Translate): void {
  for (const bad of report.badRecords.slice(0, LISTED_BAD_RECORDS)) process.stderr.write(`${t('import.badRecord', { at: bad.at, reason: bad.reason })}\n`);
  if (report.bad > LISTED_BAD_RECORDS) process.stderr.write(`${t('import.moreBad', { count: report.bad - LISTED_BAD_RECORDS })}\n`);
  if (report.stoppedBy) process.stderr.write(`${t('import.stopped', { reason: report.stoppedBy })}\n`);
  process.stdout.write(`${t('import.summary', { format: report.format, added: report.added, duplicates: report.duplicates, bad: report.bad })}\n`);
  process.exitCode = report.bad > 0 || report.stoppedBy ? 1 : 0;
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
