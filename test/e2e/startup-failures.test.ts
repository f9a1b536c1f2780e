import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { spawnCli, type Finished } from '../helpers/cli.js';

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
    for (const [locale, pattern] of [['en', `^web: port ${port} is already in use — stop the other process or set PORT$`], ['zh-CN', `^web: 端口 ${port} 已被占用`]] as const) {
      const dir = tempDir();
      expectOneLine(await start({ DATABASE_URL: join(dir, 'osschat.db'), PORT: String(port) }, locale), new RegExp(pattern));
    }
  });
});
