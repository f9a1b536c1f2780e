// A worker process for the scale-out test and benchmark: runs `record` jobs from the shared outbox
// (mode `noop`: the job only waits as `work` says, then completes; with work 0 it measures the outbox alone).
// Each execution is written together with the job's completion, in one transaction fenced by the
// attempt number: a run cut short by SIGKILL leaves no row, and its job runs again elsewhere.
import pg from 'pg';
import { silentLogger } from '../../src/core/logger.js';
import { OutboxWorker } from '../../src/core/outbox/worker.js';
import { openStore } from '../../src/store/open-store.js';
import type { OutboxJob } from '../../src/store/store.js';
import { jobWaits, pause } from './job-wait.js';

const [url, name, leaseMs = '2000', work = '0', mode = 'record'] = process.argv.slice(2);
// Each worker draws its own waits (seeded by its name), so that workers do not wait in step.
const nextWait = jobWaits(work, [...name!].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7));
const store = await openStore(url!, { migrate: false });
const pool = new pg.Pool({ connectionString: url, max: 4 });

async function noop(): Promise<void> {
  await pause(nextWait());
}

async function record(job: OutboxJob): Promise<void> {
  await pause(nextWait());
  const client = await pool.connect();
  try {
    await client.query('begin');
    const done = await client.query("update outbox set status = 'done', locked_until = null where id = $1 and status = 'running' and attempts = $2", [job.id, job.attempts]);
    if (done.rowCount === 1) await client.query('insert into executions (job_id, room_id, worker) values ($1, $2, $3)', [job.id, job.roomId, name]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

const worker = new OutboxWorker({ store, log: silentLogger, handlers: { record: { run: mode === 'record' ? record : noop } }, leaseMs: Number(leaseMs), pollMs: 50 });
worker.start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => void worker.stop().then(() => Promise.all([store.close(), pool.end()])).then(() => process.exit(0)));
