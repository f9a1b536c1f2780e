import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { JobWork } from './job-wait.js';

const ENTRY = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SharedOutbox {
  url: string;
  /** A connection for the test's own queries. */
  db: pg.Client;
  /** Adds `count` `record` jobs, spread over `rooms` rooms (none: jobs without a room). */
  addJobs(count: number, rooms: number): Promise<void>;
  /** Starts a worker process on the shared outbox; resolves once it runs. `work`: what each job waits (see job-wait.ts). */
  startWorker(name: string, options?: { leaseMs?: number; work?: JobWork; noop?: boolean }): Promise<ChildProcess>;
  count(sql: string): Promise<number>;
  cleanup(): Promise<void>;
}

/** A fresh migrated schema on `baseUrl` with an `executions` table the workers write to. */
export async function sharedOutbox(baseUrl: string): Promise<SharedOutbox> {
  const schema = `osschat_scale_${randomBytes(6).toString('hex')}`;
  const db = new pg.Client({ connectionString: baseUrl });
  await db.connect();
  await db.query(`create schema ${schema}`);
  const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  await (await openStore(url)).close();
  await db.query(`set search_path to ${schema}`);
  await db.query('create table executions (seq bigserial primary key, job_id bigint not null, room_id bigint, worker text not null)');
  const workers: ChildProcess[] = [];
  const outbox: SharedOutbox = {
    url,
    db,
    async addJobs(count, rooms) {
      const existing = await outbox.count('select count(*) from rooms');
      if (rooms > existing) {
        await db.query("insert into rooms (platform, external_id, kind, created_at, updated_at) select 'scale', 'r' || g, 'group', 0, 0 from generate_series($1::int + 1, $2::int) g", [existing, rooms]);
      }
      const roomIds = (await db.query<{ id: string }>('select id from rooms order by id')).rows.map((row) => Number(row.id));
      await db.query(
        `insert into outbox (kind, payload, idempotency_key, room_id, status, attempts, next_attempt_at, created_at, updated_at)
         select 'record', '{}', 'job-' || md5(random()::text) || g, ($2::bigint[])[1 + g % greatest(cardinality($2::bigint[]), 1)], 'pending', 0, 0, 0, 0
         from generate_series(1, $1::int) g`,
        [count, rooms > 0 ? roomIds.slice(0, rooms) : []],
      );
    },
    async startWorker(name, options = {}) {
      const args = ['--import', 'tsx', ENTRY, url, name, String(options.leaseMs ?? 2000), options.work ?? '0', options.noop ? 'noop' : 'record'];
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      workers.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout!.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`worker ${name} exited with ${code} before it ran`)));
      });
      return child;
    },
    async count(query) {
      const { rows } = await db.query<{ count: string }>(query);
      return Number(rows[0]!.count);
    },
    async cleanup() {
      for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await db.query(`drop schema ${schema} cascade`);
      await db.end();
    },
  };
  return outbox;
}

/** Polls `check` until it is true or `timeoutMs` passes. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
