import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { GITHUB_WAIT, jobWaits, type JobWork } from '../test/scale-out/job-wait.js';
import { sharedOutbox, waitUntil } from '../test/scale-out/shared-outbox.js';
import type { Benchmark, BenchReport } from './benchmark.js';

const URL = process.env.BENCH_POSTGRES_URL ?? process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const JOBS = Number(process.env.BENCH_SCALE_OUT_JOBS ?? 3000);
const ROUNDS = Number(process.env.BENCH_SCALE_OUT_ROUNDS ?? 3);
const WORKERS = [1, 2, 4];
/** A worker claims this many jobs and claims again when all of them are done (src/core/outbox/worker.ts). */
const CLAIM = 20;

interface Run {
  rate: number;
  /** Share of the machine's CPU time that was busy during the run (all processes: PostgreSQL, workers, anything else). */
  cpuBusy: number;
  /** CPU the worker processes used, in cores (1 = one core busy all the run). */
  workerCores: number;
}

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 2000 });
  return client.connect().then(() => client.end().then(() => true), () => false);
}

/** Busy and total jiffies of every core since boot (/proc/stat's first line). */
function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - fields[3]! - (fields[4] ?? 0), total };
}

/** CPU seconds a process has used (utime + stime in /proc/PID/stat, at 100 ticks a second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Jobs per second with `workers` worker processes draining `jobs` jobs (spread over 100 rooms), each job waiting as `work` says. */
async function throughput(workers: number, jobs: number, work: JobWork): Promise<Run> {
  const outbox = await sharedOutbox(URL);
  try {
    const pids = (await Promise.all(Array.from({ length: workers }, (_, i) => outbox.startWorker(`w${i + 1}`, { noop: true, work, leaseMs: 60_000 })))).map((child) => child.pid!);
    const workerCpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const [start, cpu, used] = [performance.now(), cpuTimes(), workerCpu()];
    await outbox.addJobs(jobs, 100);
    await waitUntil(async () => (await outbox.count("select count(*) from outbox where status = 'done'")) === jobs, 600_000, 'the jobs');
    const [seconds, end] = [(performance.now() - start) / 1000, cpuTimes()];
    return { rate: jobs / seconds, cpuBusy: (end.busy - cpu.busy) / (end.total - cpu.total), workerCores: (workerCpu() - used) / seconds };
  } finally {
    await outbox.cleanup();
  }
}

/** Jobs/s one worker would reach if the database took no time: a claim of 20 lasts as long as its slowest wait. */
function waitBound(): number {
  const next = jobWaits('github', 99);
  const batches = Array.from({ length: 5000 }, () => Math.max(...Array.from({ length: CLAIM }, next)));
  return CLAIM / (batches.reduce((sum, ms) => sum + ms, 0) / batches.length / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianRun = (runs: Run[]): Run => ({ rate: median(runs.map((run) => run.rate)), cpuBusy: median(runs.map((run) => run.cpuBusy)), workerCores: median(runs.map((run) => run.workerCores)) });

export const scaleOut: Benchmark = {
  name: 'scale-out',
  async run(): Promise<BenchReport> {
    if (!(await reachable())) {
      return { setup: `SKIPPED: no PostgreSQL answers at ${URL} (set BENCH_POSTGRES_URL)`, table: [['workers']], targets: [] };
    }
    // Rounds interleave the worker counts, so that load from elsewhere on the machine falls on each alike; medians are reported.
    const samples = WORKERS.map(() => ({ empty: [] as Run[], waiting: [] as Run[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, workers] of WORKERS.entries()) {
        samples[i]!.empty.push(await throughput(workers, JOBS, '0'));
        samples[i]!.waiting.push(await throughput(workers, Math.round(JOBS / 2), 'github'));
      }
    }
    return report(samples.map((sample) => medianRun(sample.empty)), samples.map((sample) => medianRun(sample.waiting)), waitBound());
  },
};

function report(empty: Run[], waiting: Run[], bound: number): BenchReport {
  const ratio = (runs: Run[], i: number) => (runs[i]!.rate / runs[0]!.rate).toFixed(2);
  const rate = (run: Run) => Math.round(run.rate).toLocaleString('en');
  const busy = (run: Run) => `${Math.round(run.cpuBusy * 100)}% / ${run.workerCores.toFixed(2)}`;
  const wait = `GitHub-like wait (log-normal, median ${GITHUB_WAIT.medianMs} ms, p95 ${GITHUB_WAIT.p95Ms} ms, cut at ${GITHUB_WAIT.maxMs} ms)`;
  return {
    setup: `jobs per second through the PostgreSQL outbox (claim FOR UPDATE SKIP LOCKED, ${CLAIM} per claim, one job per room at a time, 100 rooms) with 1, 2 and 4 worker processes on this machine, median of ${ROUNDS} interleaved rounds; ${JOBS.toLocaleString('en')} empty jobs, ${Math.round(JOBS / 2).toLocaleString('en')} jobs that each wait a ${wait}. "bound": jobs/s the waits alone allow (workers × ${CLAIM} ÷ the mean slowest wait of a claim of ${CLAIM}: a worker claims again only when its whole claim is done). CPU: share of both cores busy during the run (every process on the machine) / cores the worker processes used. Baseline: 1 worker, same run.`,
    table: [
      ['workers', 'empty jobs/s', 'ratio', 'CPU', 'waiting jobs/s', 'ratio', 'bound', 'CPU'],
      ...WORKERS.map((workers, i) => [String(workers), rate(empty[i]!), ratio(empty, i), busy(empty[i]!), rate(waiting[i]!), ratio(waiting, i), Math.round(bound * workers).toLocaleString('en'), busy(waiting[i]!)]),
    ],
    targets: [
      { description: `2 workers drain waiting jobs faster than 1 (${ratio(waiting, 1)}×)`, met: waiting[1]!.rate > waiting[0]!.rate },
      { description: `1 worker's waiting jobs take at least as long as their waits allow (${rate(waiting[0]!)} ≤ ${Math.round(bound).toLocaleString('en')} jobs/s)`, met: waiting[0]!.rate <= bound * 1.05 },
    ],
  };
}
