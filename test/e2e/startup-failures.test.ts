import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { BIN, spawnCli, type Finished } from '../helpers/cli.js';
import { postgresAvailable } from '../helpers/databases.js';

const LOCALES = { 'zh-CN': 'locale: zh-CN\n', en: 'locale: en\n' };
// Root writes anywhere: the read-only case then runs the CLI as nobody, as an unprivileged service would run.
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-start-'));
  chmodSync(dir, 0o755);
  return dir;
}

async function start(env: Record<string, string>, locale: keyof typeof LOCALES, as = {}): Promise<Finished> {
  const config = join(tempDir(), 'osschat.yaml');
  writeFileSync(config, LOCALES[locale]);
  chmodSync(config, 0o644);
  const { child, done } = spawnCli(['start', '--chat', 'stdio', '--config', config], env, as);
  child.stdin.end();
  return done;
}

/** Exit 1 and exactly one line that is not a JSON log line: the explanation, with no stack and no password. */
function expectOneLine(result: Finished, pattern: RegExp): void {
  expect(result.code).toBe(1);
  const said = result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{'));
  expect(said, result.stderr).toHaveLength(1);
  expect(said[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
  expect(result.stderr).not.toContain('hunter2');
}

describe('osschat start that cannot start (built CLI)', () => {
  let occupied: Server;
  let port: number;
  beforeAll(async () => {
    occupied = createServer();
    await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
    port = (occupied.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => occupied.close(() => resolve())));

  it('unreachable PostgreSQL: one line with the address (password hidden) and the fix', async () => {
    const env = { DATABASE_URL: 'postgres://bob:hunter2@127.0.0.1:5999/test' };
    expectOneLine(await start(env, 'en'), /^database: cannot connect to postgres:\/\/bob:\[redacted\]@127\.0\.0\.1:5999\/test \(ECONNREFUSED\) — is PostgreSQL running\? check DATABASE_URL$/);
    expectOneLine(await start(env, 'zh-CN'), /^database: 无法连接 postgres:\/\/bob:\[redacted\]@127\.0\.0\.1:5999\/test（ECONNREFUSED）.*DATABASE_URL$/);
  });

  it('read-only database file, or a read-only directory: one line with the path and the fix', async () => {
    for (const lock of ['file', 'directory'] as const) {
      const dir = tempDir();
      const file = join(dir, 'osschat.db');
      await (await openStore(file)).close();
      chmodSync(file, 0o444);
      chmodSync(dir, lock === 'directory' ? 0o555 : 0o777);
      const escaped = file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expectOneLine(await start({ DATABASE_URL: file }, 'en', UNPRIVILEGED), new RegExp(`^database: ${escaped} is read-only \\(SQLITE_\\w+\\) — .*DATABASE_URL at a writable place$`));
      expectOneLine(await start({ DATABASE_URL: file }, 'zh-CN', UNPRIVILEGED), new RegExp(`^database: ${escaped} 是只读的`));
    }
  });

  it('port already in use: one line with the port and the fix', async () => {
    for (const [locale, pattern] of [['en', `^web: port ${port} is already in use — stop the other process, or choose another port with web.port in the config file or the PORT environment variable$`], ['zh-CN', `^web: 端口 ${port} 已被占用.*web\\.port.*PORT$`]] as const) {
      const dir = tempDir();
      expectOneLine(await start({ DATABASE_URL: join(dir, 'osschat.db'), PORT: String(port) }, locale), new RegExp(pattern));
    }
  });
});

const PG_URL = new URL(process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const pgReachable = await postgresAvailable('start-up failures');

describe.skipIf(!pgReachable)('osschat start on a PostgreSQL that refuses (built CLI)', () => {
  it('a role that does not exist: one line naming it, with createuser', async () => {
    const url = new URL(PG_URL);
    url.username = 'osschat_no_such_role';
    const shown = url.href.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    expectOneLine(await start({ DATABASE_URL: url.href }, 'en'), new RegExp(`^database: PostgreSQL at ${shown} refused the login \\(role "osschat_no_such_role" does not exist\\) — check the user and password in DATABASE_URL \\(and pg_hba\\.conf\\); a missing role is created with \`createuser( -h \\S+)?( -p \\d+)? osschat_no_such_role\`$`));
  });

  it('a database that does not exist: one line saying createdb NAME', async () => {
    const url = new URL(PG_URL);
    url.pathname = '/osschat_no_such_database';
    const result = await start({ DATABASE_URL: url.href }, 'en');
    expectOneLine(result, /^database: PostgreSQL at \S+ has no database "osschat_no_such_database" — create it with `createdb( -h \S+)?( -p \d+)?( -U \S+)? osschat_no_such_database`, or fix the name in DATABASE_URL$/);
    expectOneLine(await start({ DATABASE_URL: url.href }, 'zh-CN'), /上没有名为「osschat_no_such_database」的数据库 — 请运行 `createdb .*osschat_no_such_database` 创建它/);
  });
});

/** The built CLI run in `cwd`, so that a URL mistaken for a relative SQLite path would leave a file there. */
function startIn(cwd: string, env: Record<string, string>): Promise<Finished> {
  const child = spawn(process.execPath, [BIN, 'start', '--chat', 'stdio'], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, OSSCHAT_CONFIG: '', PORT: '0', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end();
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe('a DATABASE_URL that names no supported database (built CLI)', () => {
  it('mysql://, http:// and postgres// (a typo) are refused in one line, and no SQLite file appears', async () => {
    for (const url of ['mysql://root:hunter2@db.example.org/osschat', 'http://example.org/osschat.db', 'postgres//bob:hunter2@db.example.org/osschat', 'postgresql:/db.example.org/osschat']) {
      const cwd = tempDir();
      const result = await startIn(cwd, { DATABASE_URL: url });
      expect(result.code, url).toBe(2);
      const said = result.stderr.trim().split('\n');
      expect(said, result.stderr).toHaveLength(1);
      expect(said[0]).toMatch(/^config error: database\.url: .*; expected a file path \(\.\/data\/osschat\.db\), sqlite:PATH, or postgres:\/\/USER:PASSWORD@HOST:5432\/NAME \(got ".*"\) — fix the DATABASE_URL environment variable$/);
      expect(result.stderr).not.toContain('hunter2');
      expect(readdirSync(cwd), url).toEqual([]);
    }
  });
});

describe('a file to read that cannot be read (built CLI)', () => {
  const dir = tempDir();
  const missing = join(dir, 'missing.jsonl');
  const folder = join(dir, 'kb.yaml');
  mkdirSync(folder);
  const locked = join(dir, 'locked.jsonl');
  writeFileSync(locked, '{}\n');
  chmodSync(locked, 0o000);
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, 'locale: en\n');
  chmodSync(config, 0o644);
  const database = join(dir, 'osschat.db');

  async function run(args: string[]): Promise<Finished> {
    const { child, done } = spawnCli([...args, '--config', config], { DATABASE_URL: database }, UNPRIVILEGED);
    child.stdin.end();
    return done;
  }

  it('import, threads and faq import: a missing file, a folder, a file this user may not read', async () => {
    const cases: [string[], RegExp][] = [
      [['import', missing], /^\S+\/missing\.jsonl: no such file — check the path$/],
      [['threads', missing], /^\S+\/missing\.jsonl: no such file — check the path$/],
      [['faq', 'import', missing], /^\S+\/missing\.jsonl: no such file — check the path$/],
      [['threads', folder], /^\S+\/kb\.yaml is a folder, not a file — name a file inside it$/],
      [['faq', 'import', folder], /^\S+\/kb\.yaml is a folder, not a file — name a file inside it$/],
      [['import', locked], /^\S+\/locked\.jsonl: permission denied \(EACCES\) — let the user running osschat read it \(chmod or chown\), or copy it to a readable place$/],
      [['threads', locked], /^\S+\/locked\.jsonl: permission denied \(EACCES\)/],
      [['faq', 'import', locked], /^\S+\/locked\.jsonl: permission denied \(EACCES\)/],
    ];
    chmodSync(dir, 0o777);
    for (const [args, pattern] of cases) expectOneLine(await run(args), pattern);
  });
});
