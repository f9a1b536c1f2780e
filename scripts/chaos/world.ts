import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createGitHubServer, type GitHubServer } from '../../test/fakes/github/index.js';
import { cuttableProxy, throughProxy } from '../../test/helpers/tcp-proxy.js';
import { mountSmallDisk } from '../../test/helpers/small-disk.js';

export const REPO = 'octo/hello';
export const SECRET = 'chaos-webhook-secret';
/** Rooms bound to the repository (issue commands); the first two also subscribe to it. */
export const BOUND = ['bound-0', 'bound-1', 'bound-2'];
export const SUBSCRIBED = ['bound-0', 'news-0'];
export const CHATTY = ['news-0', 'chat-0', 'chat-1', 'chat-2'];
export const ADMIN = { id: 'admin', name: '管理员' };

export interface World {
  dir: string;
  env: Record<string, string>;
  github: GitHubServer;
  refuseFile: string;
  databaseUrl: string;
  postgres: boolean;
  /** Makes the database briefly unavailable to the bot. */
  databaseFault(ms: number): Promise<string>;
  /** The database away for `ms` (longer than any retry used to last): PostgreSQL refuses every connection, SQLite stays locked. */
  databaseOutage(ms: number): Promise<string>;
  /** Fills the SQLite database's filesystem for `ms`; undefined when it cannot (PostgreSQL, or no tmpfs here). */
  diskFull?(ms: number): Promise<string>;
  inspect(): Promise<Store>;
  close(): Promise<void>;
}

const INSPECTOR = 'osschat-chaos-inspector';
const PG_URL = process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function writeConfig(dir: string): string {
  const config = join(dir, 'osschat.yaml');
  const rooms = BOUND.map((topic) => `  - match: { topic: "${topic}" }\n    repo: ${REPO}\n`).join('');
  writeFileSync(config, [
    `admins: [${ADMIN.id}]`, 'rooms:', rooms.trimEnd(),
    'github: { retries: 1, retryBaseMs: 20, timeoutMs: 8000 }',
    'outbox: { retryBaseMs: 50, maxAttempts: 40 }',
    'notify: { minIntervalMs: 0, perHour: 100000 }',
    // The traffic files issues and comments far faster than a person: the quotas are not what chaos tests.
    'issues: { quota: { perMember: { count: 0 }, perRoom: { count: 0 } } }', '',
  ].join('\n'));
  return config;
}

async function postgresDatabase(): Promise<{ url: string; admin: pg.Client; name: string }> {
  const name = `osschat_chaos_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  return { url: PG_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`), admin, name };
}

/** The fake compiles each route's schema on first use: do it before timeouts count. */
async function warmUp(url: string): Promise<void> {
  const headers = { authorization: 'token test-token', 'content-type': 'application/json' };
  await fetch(`${url}/repos/octo/warmup/issues`, { method: 'POST', headers, body: JSON.stringify({ title: 'warm-up', body: 'x' }) });
  await fetch(`${url}/repos/octo/warmup/issues/1/comments`, { method: 'POST', headers, body: JSON.stringify({ body: 'x' }) });
  await fetch(`${url}/search/issues?q=${encodeURIComponent('repo:octo/warmup is:issue x')}`, { headers });
}

export async function createWorld(options: { postgres: boolean }): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-chaos-'));
  const github = await createGitHubServer({ repos: [REPO, 'octo/warmup'] });
  await warmUp(github.url);
  const refuseFile = join(dir, 'refuse-sends');
  const database = options.postgres ? await postgresDatabase() : undefined;
  // The bot reaches PostgreSQL through a proxy the outage fault cuts; the harness reads it directly.
  const proxy = database && (await cuttableProxy({ host: new URL(database.url).hostname, port: Number(new URL(database.url).port || 5432) }));
  // Room for the WAL (checkpointed at about 40 MB) and the database; the disk-full fault fills the rest.
  const disk = database ? undefined : mountSmallDisk(dir, '96m');
  const databaseUrl = database?.url ?? join(disk?.dir ?? dir, 'osschat.db');
  const env = {
    OSSCHAT_CONFIG: writeConfig(dir), DATABASE_URL: proxy ? throughProxy(databaseUrl, proxy.port) : databaseUrl, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token',
    GITHUB_WEBHOOK_SECRET: SECRET, OSSCHAT_TEST_REFUSE_SENDS_FILE: refuseFile,
  };
  let store: Store | undefined;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function databaseFault(ms: number): Promise<string> {
    if (database) {
      // The bot's connections only: the harness's own (named INSPECTOR) are not under test.
      const killed = await database.admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and application_name <> $2', [database.name, INSPECTOR]);
      return `terminated ${killed.rowCount} PostgreSQL connections`;
    }
    // timeout 0: never block this process (it also serves the fake GitHub) waiting for the lock.
    const lock = new Database(databaseUrl, { timeout: 0 });
    try {
      lock.exec('BEGIN EXCLUSIVE');
    } catch {
      lock.close();
      return 'SQLite busy: lock not taken';
    }
    await new Promise((resolve) => setTimeout(resolve, ms));
    lock.exec('COMMIT');
    lock.close();
    return `SQLite locked exclusively for ${ms} ms`;
  }
  return {
    dir, env, github, refuseFile, databaseUrl, postgres: options.postgres,
    async databaseOutage(ms) {
      if (!proxy) return databaseFault(ms);
      proxy.cut();
      await sleep(ms);
      await proxy.restore();
      return `PostgreSQL refused every connection for ${ms} ms`;
    },
    ...(disk && {
      async diskFull(ms: number) {
        disk.fill();
        await sleep(ms);
        disk.free();
        return `SQLite's disk full for ${ms} ms`;
      },
    }),
    databaseFault,
    async inspect() {
      store ??= await openStore(database ? `${databaseUrl}?application_name=${INSPECTOR}` : databaseUrl);
      return store;
    },
    async close() {
      await store?.close();
      await github.close();
      proxy?.close();
      disk?.unmount();
      if (database) {
        await database.admin.query(`drop database if exists ${database.name} with (force)`).catch(() => undefined);
        await database.admin.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
