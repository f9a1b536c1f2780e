import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Store } from '../store/store.js';
import { detectFormat } from './detect.js';
import { IMPORTERS, type ImportFormat } from './formats.js';
import type { BadRecord, ImporterOptions } from './import-record.js';
import { planImport, type ImportTarget, type PlannedChunk, type PlannedRecord } from './import-plan.js';
import type { PlanWorkerData, PlanWorkerMessage } from './import-worker.js';
import { ImportWriter } from './import-writer.js';

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
  /**
   * Read and thread the export in a worker thread while this one writes: on two cores the
   * parsing and the threading engine no longer wait for SQLite, nor SQLite for them.
   */
  worker?: boolean;
}

const KEPT_BAD_RECORDS = 100;

export class UnknownFormatError extends Error {}

/** Imports one export into the message log, batch by batch; never throws on a bad record. */
export async function runImport(store: Store, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = options.format ?? (await detectFormat(path));
  const importer = format && IMPORTERS[format];
  if (!format || !importer) throw new UnknownFormatError(format ? `no importer for ${format}` : `cannot tell the format of ${path}`);
  const target = options.room === undefined ? undefined : await targetOf(store, options.room);
  const writer = new ImportWriter(store);
  const report: ImportReport = { format, added: 0, duplicates: 0, bad: 0, badRecords: [] };
  const batchSize = options.batchSize ?? 5000;
  const readerOptions: ImporterOptions = { chat: options.room, platform: options.platform };
  // Small chunks, two ahead at most: the worker's reading ahead adds little to the peak memory.
  const chunks = options.worker ? planInWorker({ path, format, options: readerOptions, target, chunkSize: 1000, ahead: 2 }) : planImport(importer, path, readerOptions, target, batchSize);
  let batch: PlannedRecord[] = [];
  const flush = async () => {
    const counts = await writer.write(batch);
    batch = [];
    report.added += counts.added;
    report.duplicates += counts.duplicates;
    options.onBatch?.(report);
  };
  try {
    for await (const chunk of chunks) {
      if (chunk.bytes > 0) options.onBytes?.(chunk.bytes);
      for (const item of chunk.items) {
        if (item.type === 'bad') {
          report.bad++;
          if (report.badRecords.length < KEPT_BAD_RECORDS) report.badRecords.push(item);
          continue;
        }
        batch.push(item);
        if (batch.length >= batchSize) await flush();
      }
    }
  } catch (error) {
    report.stoppedBy = (error as Error).message;
  }
  await flush();
  return report;
}

/** The planned chunks from a worker thread, which reads ahead by at most `data.ahead` chunks. */
async function* planInWorker(data: PlanWorkerData): AsyncGenerator<PlannedChunk> {
  const fromSources = import.meta.url.endsWith('.ts');
  const script = new URL(`./import-worker${fromSources ? '.ts' : '.js'}`, import.meta.url);
  // From the TypeScript sources (tests, `npm run cli`), the worker registers tsx's loader first.
  const worker = fromSources
    ? new Worker(`import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true, workerData: data })
    : new Worker(script, { workerData: data });
  const queue: PlanWorkerMessage[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: PlanWorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the import worker exited with code ${code}`);
    notify();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'done') return;
      if (message.type === 'stopped') throw new Error(message.reason);
      yield message.chunk;
      worker.postMessage('ack');
    }
  } finally {
    await worker.terminate();
  }
}

/** tsx's ESM API (the `import` side of `tsx/esm/api`, next to the `require` side that resolves here). */
function tsxApi(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
}

async function targetOf(store: Store, name: string): Promise<ImportTarget> {
  const room = await store.rooms.findByName(name);
  return room ? { platform: room.platform, id: room.externalId } : { topic: name };
}
