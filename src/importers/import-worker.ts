import { parentPort, workerData } from 'node:worker_threads';
import { IMPORTERS, type ImportFormat } from './formats.js';
import type { ImporterOptions } from './import-record.js';
import { planImport, type ImportTarget } from './import-plan.js';
import { NoSuchChatError } from './chat-choice.js';
import { ExportLimitError, type LimitBreach } from './zip-limits.js';

/** What the main thread hands the worker: the export to read and how to plan it. */
export interface PlanWorkerData {
  path: string;
  format: ImportFormat;
  options: Pick<ImporterOptions, 'chat' | 'platform' | 'zipLimits' | 'maxLineBytes'>;
  target?: ImportTarget;
  chunkSize: number;
  /** Chunks posted and not yet acknowledged at most: memory stays bounded when writing is slower. */
  ahead: number;
}

/** Messages between the planning worker and the import on the main thread. */
export type PlanWorkerMessage =
  | { type: 'chunk'; chunk: import('./import-plan.js').PlannedChunk }
  | { type: 'done' }
  | { type: 'stopped'; reason: string; limit?: LimitBreach; noSuchChat?: { wanted: string; chats: string[] } };

const data = workerData as PlanWorkerData;
const port = parentPort!;
let unacknowledged = 0;
let wake: (() => void) | undefined;
const acknowledge = () => {
  unacknowledged--;
  wake?.();
};
port.on('message', acknowledge);

async function run(): Promise<void> {
  try {
    for await (const chunk of planImport(IMPORTERS[data.format], data.path, data.options, data.target, data.chunkSize)) {
      port.postMessage({ type: 'chunk', chunk } satisfies PlanWorkerMessage);
      unacknowledged++;
      while (unacknowledged >= data.ahead) await new Promise<void>((resolve) => (wake = resolve));
    }
    port.postMessage({ type: 'done' } satisfies PlanWorkerMessage);
  } catch (error) {
    const limit = error instanceof ExportLimitError ? error.breach : undefined;
    const noSuchChat = error instanceof NoSuchChatError ? { wanted: error.wanted, chats: error.chats } : undefined;
    port.postMessage({ type: 'stopped', reason: (error as Error).message, ...(limit ? { limit } : {}), ...(noSuchChat ? { noSuchChat } : {}) } satisfies PlanWorkerMessage);
  }
  // Nothing else keeps the thread alive: it ends once the messages above are delivered.
  port.off('message', acknowledge);
}

await run();
