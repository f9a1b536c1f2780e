import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../helpers/databases.js';
import { GITHUB_WAIT, jobWaits } from './job-wait.js';
import { sharedOutbox, waitUntil, type SharedOutbox } from './shared-outbox.js';

const PG_URL = process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('GitHub-like job waits', () => {
  const waits = Array.from({ length: 20_000 }, jobWaits('github', 42)).sort((a, b) => a - b);
  const quantile = (q: number) => waits[Math.floor(q * waits.length)]!;

  it('have a median of 20 ms and a tail to 60 ms at the 95th percentile, cut at 1 s', () => {
    expect(quantile(0.5)).toBeGreaterThan(GITHUB_WAIT.medianMs * 0.95);
    expect(quantile(0.5)).toBeLessThan(GITHUB_WAIT.medianMs * 1.05);
    expect(quantile(0.95)).toBeGreaterThan(GITHUB_WAIT.p95Ms * 0.93);
    expect(quantile(0.95)).toBeLessThan(GITHUB_WAIT.p95Ms * 1.07);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits.at(-1)).toBeLessThanOrEqual(GITHUB_WAIT.maxMs);
  });

  it('are the same for the same seed and differ between seeds', () => {
    expect(Array.from({ length: 5 }, jobWaits('github', 1))).toEqual(Array.from({ length: 5 }, jobWaits('github', 1)));
    expect(Array.from({ length: 5 }, jobWaits('github', 1))).not.toEqual(Array.from({ length: 5 }, jobWaits('github', 2)));
  });

  it('refuses a work that is neither a number of ms nor github', () => {
    expect(() => jobWaits('slow', 1)).toThrow(/number of ms or "github"/);
  });
});

const available = await postgresAvailable('scale-out job waits');

describe.runIf(available)('a scale-out worker in noop mode', () => {
  let outbox: SharedOutbox;
  beforeAll(async () => {
    outbox = await sharedOutbox(PG_URL);
  });
  afterAll(async () => outbox?.cleanup());

  // The benchmark's "waiting jobs" ran in noop mode, whose handler ignored the wait (1,148 jobs/s for "20 ms" jobs).
  it('really waits as long as each job is told to', async () => {
    const jobs = 10;
    await outbox.startWorker('w1', { noop: true, work: '100' });
    const start = performance.now();
    await outbox.addJobs(jobs, 1); // one room: the jobs run one after another
    await waitUntil(async () => (await outbox.count("select count(*) from outbox where status = 'done'")) === jobs, 20_000, 'the jobs');
    expect(performance.now() - start).toBeGreaterThanOrEqual(jobs * 100);
  });
});
