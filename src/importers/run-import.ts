import type { Store } from '../store/store.js';
import { detectFormat } from './detect.js';
import { IMPORTERS, type ImportFormat } from './formats.js';
import type { BadRecord, ImportedChange, ImportedMessage } from './import-record.js';
import { ImportWriter, type ImportTarget } from './import-writer.js';

export interface ImportReport {
  format: ImportFormat;
  added: number;
  duplicates: number;
  /** How many records could not be read. */
  bad: number;
  /** The first of them, with their positions. */
  badRecords: BadRecord[];
  /** Set when the input broke off (truncated JSON, unreadable zip): what was read before is kept. */
  stoppedBy?: string;
}

export interface ImportOptions {
  format?: ImportFormat;
  /** The room to import into (by topic or id); in a multi-chat export, the only chat read. */
  room?: string;
  /** Platform of our own JSON Lines. */
  platform?: string;
  onBytes?: (bytes: number) => void;
  /** After each committed batch, with the running totals. */
  onBatch?: (report: ImportReport) => void;
  batchSize?: number;
}

const KEPT_BAD_RECORDS = 100;

export class UnknownFormatError extends Error {}

/** Imports one export into the message log, batch by batch; never throws on a bad record. */
export async function runImport(store: Store, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = options.format ?? (await detectFormat(path));
  const importer = format && IMPORTERS[format];
  if (!format || !importer) throw new UnknownFormatError(format ? `no importer for ${format}` : `cannot tell the format of ${path}`);
  const writer = new ImportWriter(store, options.room === undefined ? undefined : await targetOf(store, options.room));
  const report: ImportReport = { format, added: 0, duplicates: 0, bad: 0, badRecords: [] };
  const batchSize = options.batchSize ?? 5000;
  let batch: (ImportedMessage | ImportedChange)[] = [];
  const flush = async () => {
    const counts = await writer.write(batch);
    batch = [];
    report.added += counts.added;
    report.duplicates += counts.duplicates;
    options.onBatch?.(report);
  };
  try {
    for await (const item of importer(path, { chat: options.room, platform: options.platform, onBytes: options.onBytes })) {
      if (item.type === 'bad') {
        report.bad++;
        if (report.badRecords.length < KEPT_BAD_RECORDS) report.badRecords.push(item);
        continue;
      }
      batch.push(item);
      if (batch.length >= batchSize) await flush();
    }
  } catch (error) {
    report.stoppedBy = (error as Error).message;
  }
  await flush();
  return report;
}

async function targetOf(store: Store, name: string): Promise<ImportTarget> {
  const room = await store.rooms.findByName(name);
  return room ? { platform: room.platform, id: room.externalId } : { topic: name };
}
