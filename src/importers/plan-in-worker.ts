import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlannedChunk } from './import-plan.js';
import type { PlanWorkerData, PlanWorkerMessage } from './import-worker.js';
import { NoSuchChatError } from './chat-choice.js';
import { ExportLimitError } from './zip-limits.js';

/** The planned chunks from a worker thread, which reads ahead by at most `data.ahead` chunks. */
export async function* planInWorker(data: PlanWorkerData): AsyncGenerator<PlannedChunk> {
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
      if (message.type === 'stopped') throw stopError(message);
      yield message.chunk;
      worker.postMessage('ack');
    }
  } finally {
    await worker.terminate();
  }
}

/** The worker's error again, of its own class where the report reads it. */
function stopError(message: Extract<PlanWorkerMessage, { type: 'stopped' }>): Error {
  if (message.limit) return new ExportLimitError(message.limit);
  if (message.noSuchChat) return new NoSuchChatError(message.noSuchChat.wanted, message.noSuchChat.chats);
  return new Error(message.reason);
}

/** tsx's ESM API (the `import` side of `tsx/esm/api`, next to the `require` side that resolves here). */
function tsxApi(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
}
