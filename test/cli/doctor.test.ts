import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/cli/doctor-checks.js';
import { openStore } from '../../src/store/open-store.js';
import { createGitHubServer } from '../fakes/github/index.js';
import { runCli } from '../helpers/cli.js';
import { postgresAvailable } from '../helpers/databases.js';

const dir = () => mkdtempSync(join(tmpdir(), 'osschat-doctor-'));
const PG_URL = new URL(process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const pgReachable = await postgresAvailable('doctor');

describe('osschat doctor', () => {
  it('passes on a migrated database with credentials GitHub accepts; warns that no repository is bound yet', async () => {
    const url = join(dir(), 'db.sqlite');
    await (await openStore(url)).close();
    const github = await createGitHubServer({ tokens: ['ghp_x'] });
    try {
      const checks = await runChecks(undefined, { DATABASE_URL: url, GITHUB_TOKEN: 'ghp_x', GITHUB_API_URL: github.url, GITHUB_WEBHOOK_SECRET: 's' });
      expect(checks.map((check) => [check.name, check.status])).toEqual([
        ['config', 'ok'], ['database', 'ok'], ['github', 'ok'], ['repo', 'warn'], ['webhooks', 'ok'], ['wechaty', 'ok'],
      ]);
    } finally {
      await github.close();
    }
  });

  it('says what to fix: unmigrated database, missing credentials, missing puppet', async () => {
    const checks = await runChecks(undefined, { DATABASE_URL: join(dir(), 'new.sqlite'), WECHATY_PUPPET: 'wechaty-puppet-nonexistent' });
    const byName = Object.fromEntries(checks.map((check) => [check.name, check]));
    expect(byName.database).toMatchObject({ status: 'fail', detail: expect.stringContaining('osschat start') });
    expect(byName.github).toMatchObject({ status: 'fail', detail: expect.stringContaining('GITHUB_TOKEN') });
    expect(byName.webhooks?.status).toBe('warn');
    expect(byName.wechaty).toMatchObject({ status: 'fail', detail: expect.stringContaining('npm install wechaty-puppet-nonexistent') });
  });

  it('names the bad key and exits non-zero (built CLI)', async () => {
    const file = join(dir(), 'osschat.yaml');
    writeFileSync(file, 'locale: fr\n');
    const result = await runCli(['doctor', '--config', file], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('fail   config    locale: expected one of "zh-CN"|"en"');
    expect(result.stdout).toContain('1 check(s) failed');
  });

  it.skipIf(!pgReachable)('a PostgreSQL without the database: the line a failed start says, with createdb NAME', async () => {
    const url = new URL(PG_URL);
    url.pathname = '/osschat_doctor_no_such_database';
    const config = join(dir(), 'osschat.yaml');
    writeFileSync(config, 'locale: en\n');
    const database = (await runChecks(config, { DATABASE_URL: url.href })).find((check) => check.name === 'database')!;
    expect(database.status).toBe('fail');
    expect(database.detail).toMatch(/has no database "osschat_doctor_no_such_database" — create it with `createdb( -h \S+)?( -p \d+)?( -U \S+)? osschat_doctor_no_such_database`/);
  });

  it('reports an unreachable PostgreSQL without leaking its password', async () => {
    const checks = await runChecks(undefined, { DATABASE_URL: 'postgres://osschat:s3cretpass@127.0.0.1:1/osschat' });
    const database = checks.find((check) => check.name === 'database')!;
    expect(database.status).toBe('fail');
    expect(database.detail).not.toContain('s3cretpass');
  });
});
