import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../helpers/databases.js';
import { sharedOutbox, waitUntil, type SharedOutbox } from './shared-outbox.js';

const PG_URL = process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const available = await postgresAvailable('scale-out workers');
const JOBS = 10_000;
const ROOMS = 40;

describe.runIf(available)('three worker processes on one PostgreSQL outbox', () => {
  let outbox: SharedOutbox;
  beforeAll(async () => {
    outbox = await sharedOutbox(PG_URL);
  });
  afterAll(async () => outbox?.cleanup());

  it('runs 10,000 jobs exactly once, in order per room, though one worker is killed half-way', async () => {
    // Half the jobs belong to rooms (ordered), half to no room.
    await outbox.addJobs(JOBS / 2, ROOMS);
    await outbox.addJobs(JOBS / 2, 0);
    const workers = await Promise.all(['w1', 'w2', 'w3'].map((name) => outbox.startWorker(name, { leaseMs: 1500 })));
    await waitUntil(async () => (await outbox.count('select count(*) from executions')) >= JOBS / 2, 60_000, 'half the jobs');
    workers[0]!.kill('SIGKILL');
    const runningAtKill = await outbox.count("select count(*) from outbox where status = 'running'");
    await waitUntil(async () => (await outbox.count("select count(*) from outbox where status = 'done'")) === JOBS, 120_000, 'every job done');

    expect(await outbox.count('select count(*) from executions')).toBe(JOBS);
    expect(await outbox.count('select count(distinct job_id) from executions')).toBe(JOBS);
    expect(await outbox.count("select count(*) from outbox where status <> 'done'")).toBe(0);
    // Every worker took part, and the killed one stopped taking jobs.
    const perWorker = await outbox.db.query<{ worker: string; n: string }>('select worker, count(*) n from executions group by worker order by worker');
    expect(perWorker.rows.map((row) => row.worker)).toEqual(['w1', 'w2', 'w3']);
    // Per room, jobs ran in the order they were enqueued.
    const disorder = await outbox.count(`
      select count(*) from (
        select job_id, lag(job_id) over (partition by room_id order by seq) as previous
        from executions where room_id is not null) t
      where previous > job_id`);
    expect(disorder).toBe(0);
    console.log(`scale-out: ${runningAtKill} jobs were running when w1 was killed; re-run jobs: ${await outbox.count('select count(*) from outbox where attempts > 1')}; per worker: ${perWorker.rows.map((row) => `${row.worker}=${row.n}`).join(' ')}`);
  }, 240_000);
});
