import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OsschatError } from '../../../src/core/errors.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import { OutboxWorker, type JobHandler } from '../../../src/core/outbox/worker.js';
import { openStore } from '../../../src/store/open-store.js';
import type { OutboxJob, Store } from '../../../src/store/store.js';

describe('OutboxWorker', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(async () => store.close());

  const worker = (handlers: Record<string, JobHandler>, maxAttempts = 3) => new OutboxWorker({ store, handlers, log: silentLogger, backoff: () => 20, maxAttempts });

  it('says a database outage once, not at every poll, and when it is over; the jobs then run', async () => {
    const lines: string[] = [];
    const log: Logger = { ...silentLogger, info: (_o, msg) => void lines.push(`info ${msg}`), warn: (_o, msg) => void lines.push(`warn ${msg}`), error: (_o, msg) => void lines.push(`error ${msg}`) };
    let outagePolls = 12;
    const locked = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const outbox = new Proxy(store.outbox, { get: (target, key) => (key === 'claimDue' && outagePolls-- > 0 ? () => Promise.reject(locked) : Reflect.get(target, key)) });
    const away = new Proxy(store, { get: (target, key) => (key === 'outbox' ? outbox : Reflect.get(target, key)) });
    let ran = 0;
    await store.outbox.enqueue({ kind: 'say', payload: {}, idempotencyKey: 'o' });
    const w = new OutboxWorker({ store: away, handlers: { say: { run: async () => void (ran += 1) } }, log, pollMs: 5 });
    w.start();
    await waitFor(() => ran === 1);
    await w.stop();
    expect(lines.filter((line) => line.startsWith('warn outbox: paused'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('run failed'))).toEqual([]);
    expect(lines).toContain('info outbox: the database is back; running jobs again');
  });

  it('retries a retryable failure with backoff until it succeeds, once', async () => {
    let calls = 0;
    const w = worker({ flaky: { run: async () => { calls += 1; if (calls < 3) throw new OsschatError('forge-unavailable', 'GitHub 502', { retryable: true }); } } });
    await store.outbox.enqueue({ kind: 'flaky', payload: {}, idempotencyKey: 'a' });
    await w.drain(1000);
    expect(calls).toBe(3);
    expect(await store.outbox.counts()).toMatchObject({ done: 1, pending: 0, failed: 0 });
  });

  it('marks a job failed with its reason and tells the failure handler once', async () => {
    const failures: string[] = [];
    const handler: JobHandler = {
      run: async () => { throw new OsschatError('forge-not-found', 'no such repository'); },
      onFailure: async (_job, error) => void failures.push((error as Error).message),
    };
    await store.outbox.enqueue({ kind: 'bad', payload: {}, idempotencyKey: 'b' });
    await worker({ bad: handler }).drain(1000);
    expect(failures).toEqual(['no such repository']);
    expect((await store.outbox.list('failed')).map((job) => [job.attempts, job.lastError])).toEqual([[1, 'no such repository']]);
  });

  it('gives up after the last attempt', async () => {
    let calls = 0;
    await store.outbox.enqueue({ kind: 'down', payload: {}, idempotencyKey: 'c' });
    await worker({ down: { run: async () => { calls += 1; throw new Error('socket hang up'); } } }, 3).drain(1000);
    expect(calls).toBe(3);
    expect(await store.outbox.counts()).toMatchObject({ failed: 1 });
  });

  it('leaves jobs on a long backoff for the next start', async () => {
    await store.outbox.enqueue({ kind: 'later', payload: {}, idempotencyKey: 'd', runAt: new Date(Date.now() + 60_000) });
    let calls = 0;
    await worker({ later: { run: async () => void (calls += 1) } }).drain(1000);
    expect(calls).toBe(0);
    expect(await store.outbox.counts()).toMatchObject({ pending: 1 });
  });

  it('runs the jobs of one room in order, and other rooms alongside', async () => {
    const room = await store.rooms.upsert({ platform: 't', externalId: 'r', kind: 'group' });
    const other = await store.rooms.upsert({ platform: 't', externalId: 'o', kind: 'group' });
    const seen: string[] = [];
    const run = async (job: OutboxJob) => {
      const { text, wait } = job.payload as { text: string; wait: number };
      await new Promise((resolve) => setTimeout(resolve, wait));
      seen.push(text);
    };
    for (const [i, wait] of [30, 1, 10].entries()) await store.outbox.enqueue({ kind: 'say', payload: { text: `r${i}`, wait }, idempotencyKey: `r${i}`, roomId: room.id });
    await store.outbox.enqueue({ kind: 'say', payload: { text: 'o0', wait: 0 }, idempotencyKey: 'o0', roomId: other.id });
    await worker({ say: { run } }).drain(0);
    expect(seen.filter((text) => text.startsWith('r'))).toEqual(['r0', 'r1', 'r2']);
    expect(seen[0]).toBe('o0');
  });

  it('picks up a job whose worker died once its lease runs out', async () => {
    await store.outbox.enqueue({ kind: 'x', payload: {}, idempotencyKey: 'e' });
    const [claimed] = await store.outbox.claimDue(new Date(), 1, 50); // a worker claims it, then dies
    expect(claimed).toBeDefined();
    let calls = 0;
    const w = worker({ x: { run: async () => void (calls += 1) } });
    expect(await w.runDue()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await w.runDue()).toBe(1);
    expect(calls).toBe(1);
  });
});

describe('OutboxWorker lease', () => {
  it('keeps a job that runs longer than its lease while the worker lives', async () => {
    const store = await openStore(':memory:');
    try {
      await store.outbox.enqueue({ kind: 'slow', payload: {}, idempotencyKey: 'slow' });
      let calls = 0;
      const slow = new OutboxWorker({ store, log: silentLogger, leaseMs: 90, handlers: { slow: { run: async () => { calls += 1; await new Promise((resolve) => setTimeout(resolve, 300)); } } } });
      const running = slow.runDue();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await store.outbox.claimDue(new Date(), 10, 90)).toEqual([]); // another worker finds nothing to take
      await running;
      expect(calls).toBe(1);
      expect(await store.outbox.counts()).toMatchObject({ done: 1, running: 0 });
    } finally {
      await store.close();
    }
  });
});

async function waitFor(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
