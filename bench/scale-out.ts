import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sharedOutbox, waitUntil } from '../test/scale-out/shared-outbox.js';
import type { Benchmark, BenchReport } from './benchmark.js';

const URL = process.env.BENCH_POSTGRES_URL ?? process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const JOBS = Number(process.env.BENCH_SCALE_OUT_JOBS ?? 3000);
const ROUNDS = Number(process.env.BENCH_SCALE_OUT_ROUNDS ?? 3);
const WORKERS = [1, 2, 4];
/** A job that waits like a GitHub call or a chat send would (I/O, not CPU). */
const WAITING_MS = 20;

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 2000 });
  return client.connect().then(() => client.end().then(() => true), () => false);
}

/** Jobs per second with `workers` worker processes draining `jobs` jobs (spread over 100 rooms). */
async function throughput(workers: number, jobs: number, workMs: number): Promise<number> {
  const outbox = await sharedOutbox(URL);
  try {
    await Promise.all(Array.from({ length: workers }, (_, i) => outbox.startWorker(`w${i + 1}`, { noop: true, workMs, leaseMs: 60_000 })));
    const start = performance.now();
    await outbox.addJobs(jobs, 100);
    await waitUntil(async () => (await outbox.count("select count(*) from outbox where status = 'done'")) === jobs, 600_000, 'the jobs');
    return jobs / ((performance.now() - start) / 1000);
  } finally {
    await outbox.cleanup();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const scaleOut: Benchmark = {
  name: 'scale-out',
  async run(): Promise<BenchReport> {
    if (!(await reachable())) {
      return { setup: `SKIPPED: no PostgreSQL answers at ${URL} (set BENCH_POSTGRES_URL)`, table: [['workers']], targets: [] };
    }
    // Rounds interleave the worker counts, so that load from elsewhere on the machine falls on each alike; medians are reported.
    const samples = WORKERS.map(() => ({ empty: [] as number[], waiting: [] as number[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, workers] of WORKERS.entries()) {
        samples[i]!.empty.push(await throughput(workers, JOBS, 0));
        samples[i]!.waiting.push(await throughput(workers, Math.round(JOBS / 2), WAITING_MS));
      }
    }
    const empty = samples.map((sample) => median(sample.empty));
    const waiting = samples.map((sample) => median(sample.waiting));
    const ratio = (rates: number[], i: number) => (rates[i]! / rates[0]!).toFixed(2);
    return {
      setup: `jobs per second through the PostgreSQL outbox (claim FOR UPDATE SKIP LOCKED, 20 per claim, one job per room at a time, 100 rooms) with 1, 2 and 4 worker processes on this machine, median of ${ROUNDS} interleaved rounds; ${JOBS.toLocaleString('en')} empty jobs, ${Math.round(JOBS / 2).toLocaleString('en')} jobs that wait ${WAITING_MS} ms (like a GitHub call). Baseline: 1 worker, same run.`,
      table: [
        ['workers', 'empty jobs/s', 'ratio', `${WAITING_MS} ms jobs/s`, 'ratio'],
        ...WORKERS.map((workers, i) => [String(workers), Math.round(empty[i]!).toLocaleString('en'), ratio(empty, i), Math.round(waiting[i]!).toLocaleString('en'), ratio(waiting, i)]),
      ],
      targets: [{ description: `2 workers drain waiting jobs faster than 1 (${ratio(waiting, 1)}×)`, met: waiting[1]! > waiting[0]! }],
    };
  },
};
