import type { Store } from '../store/store.js';
import { NoSuchChatError } from './chat-choice.js';
import { detectFormat } from './detect.js';
import { IMPORTERS, type ImportFormat } from './formats.js';
import type { ImporterOptions } from './import-record.js';
import { planImport, type ImportTarget } from './import-plan.js';
import { countBad, countSkipped, type ImportReport } from './import-report.js';
import { ImportWriter } from './import-writer.js';
import { PendingBatch, WriteFailed } from './pending-batch.js';
import { planInWorker } from './plan-in-worker.js';
import { ExportLimitError, type ZipLimits } from './zip-limits.js';

export type { ImportReport } from './import-report.js';
export { UnknownFormatError } from './detect.js';

export interface ImportOptions {
  format?: ImportFormat;
  /** The room to import into (by topic or id); in a multi-chat export, the only chat read (NoSuchChat when none is so named). */
  room?: string;
  /** Platform of our own JSON Lines. */
  platform?: string;
  onBytes?: (bytes: number) => void;
  /** After each committed batch, with the running totals. */
  onBatch?: (report: ImportReport) => void;
  batchSize?: number;
  /**
   * Read and thread the export in a worker thread while this one writes: on two cores the
   * parsing and the threading engine no longer wait for SQLite, nor SQLite for them.
   */
  worker?: boolean;
  /** How much of a zipped export is unpacked (default ZIP_LIMITS). */
  zipLimits?: ZipLimits;
  /** Most bytes one line of a line-based export may hold (default MAX_LINE_BYTES). */
  maxLineBytes?: number;
  /** Stops reading when aborted; what was read before is written, and the report says `interrupted`. */
  signal?: AbortSignal;
}

/**
 * Imports one export into the message log, batch by batch. It never throws on a bad record or
 * a broken input: the report says what was saved, what was refused and why the import stopped.
 */
export async function runImport(store: Store, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = options.format ?? (await detectFormat(path, options.zipLimits?.maxEntries));
  const importer = IMPORTERS[format];
  const target = options.room === undefined ? undefined : await targetOf(store, options.room);
  const report: ImportReport = { format, added: 0, duplicates: 0, bad: 0, badRecords: [], systemLines: 0, skippedChats: [] };
  const batch = new PendingBatch(new ImportWriter(store), report, options.onBatch);
  const batchSize = options.batchSize ?? 5000;
  const readerOptions: ImporterOptions = { chat: options.room, platform: options.platform, ...(options.zipLimits ? { zipLimits: options.zipLimits } : {}), ...(options.maxLineBytes ? { maxLineBytes: options.maxLineBytes } : {}) };
  // Small chunks, two ahead at most: the worker's reading ahead adds little to the peak memory.
  const chunks = options.worker ? planInWorker({ path, format, options: readerOptions, target, chunkSize: 1000, ahead: 2 }) : planImport(importer, path, readerOptions, target, batchSize);
  let ordinal = 0;
  try {
    for await (const chunk of chunks) {
      if (chunk.bytes > 0) options.onBytes?.(chunk.bytes);
      for (const item of chunk.items) {
        ordinal++;
        if (item.type === 'bad') countBad(report, item);
        else if (item.type === 'skipped') countSkipped(report, item);
        else if (batch.add(item, ordinal) >= batchSize) await batch.flush();
      }
      // Between chunks: what was read so far is written below; the next run reads the rest again.
      if (options.signal?.aborted) {
        report.interrupted = true;
        break;
      }
    }
  } catch (error) {
    if (!noteStop(report, error)) return report;
  }
  try {
    await batch.flush();
  } catch (error) {
    noteStop(report, error);
  }
  return report;
}

/** Records why the import stopped; false when nothing more can be written (the database failed). */
function noteStop(report: ImportReport, error: unknown): boolean {
  if (error instanceof WriteFailed) {
    report.writeFailed = error.message;
    return false;
  }
  if (!(error instanceof Error)) throw error;
  if (error instanceof NoSuchChatError) {
    report.noSuchChat = { wanted: error.wanted, chats: error.chats };
    return true;
  }
  report.stoppedBy = error.message;
  if (error instanceof ExportLimitError) report.limit = error.breach;
  return true;
}

async function targetOf(store: Store, name: string): Promise<ImportTarget> {
  const room = await store.rooms.findByName(name);
  return room ? { platform: room.platform, id: room.externalId } : { topic: name };
}
