import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { openStore } from '../../src/store/open-store.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli, type Finished } from '../helpers/cli.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

/** A migrated database with a room bound and subscribed in chat, and a config file binding and subscribing two more. */
async function setup(extra: Record<string, unknown> = {}): Promise<{ config: string; database: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-doctor-'));
  const database = join(dir, 'osschat.db');
  const store = await openStore(database);
  const room = await store.rooms.upsert({ platform: 'stdio', externalId: 'r3', kind: 'group', topic: '读者群' });
  await store.rooms.setRepo(room.id, 'other/readonly');
  await store.subscriptions.upsert({ roomId: room.id, repo: 'octo/notes', features: ['issues'], filters: {} });
  await store.close();
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, stringify({
    locale: 'en',
    rooms: [{ match: { topic: '开发者群' }, repo: 'octo/hello' }, { match: { topic: '用户群' }, subscribe: ['octo/events issues'] }],
    ...extra,
  }));
  return { config, database };
}

/** The doctor's lines by check name, each as "status detail". */
function lines(result: Finished): string[] {
  return result.stdout.split('\n').filter((line) => /^(ok|warn|fail)\s/.test(line)).map((line) => line.replace(/\s+/g, ' '));
}

describe('osschat doctor calls GitHub (built CLI, local GitHub fake)', () => {
  let github: GitHubServer;
  let blackHole: Server;
  let closedPort: number;

  beforeAll(async () => {
    github = await createGitHubServer({
      repos: ['octo/hello', 'octo/events', 'octo/notes', 'other/readonly', 'other/secret'],
      tokens: [{ token: 'ghp_good', login: 'octo' }, { token: 'ghp_classic', login: 'octo', scopes: ['read:org', 'gist'] }],
      access: { privateRepos: ['other/secret'] },
      app: { id: 42, slug: 'osschat-test', publicKeyPem: keys.publicKey, installations: [{ id: 7, repos: ['octo/hello', 'octo/events', 'octo/notes'] }] },
    });
    // Accepts connections and never answers: a firewall that drops, or a hung proxy.
    blackHole = createServer(() => undefined);
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
  });
  afterAll(async () => {
    await github.close();
    blackHole.close();
  });

  it('a working token: its user, then each bound repository with what the bot may do there', async () => {
    const { config, database } = await setup();
    const result = await runCli(['doctor', '--config', config], { DATABASE_URL: database, GITHUB_TOKEN: 'ghp_good', GITHUB_API_URL: github.url, GITHUB_WEBHOOK_SECRET: 'whsec' });
    expect(lines(result)).toEqual(expect.arrayContaining([
      `ok github token of @octo works (${github.url}); GitHub does not report a fine-grained token's permissions: it needs Issues: read and write and Metadata: read on the bound repositories`,
      'ok repo octo/hello: @octo can open issues and set labels (role admin)',
      'ok repo octo/events: visible to @octo (subscribed: the bot relays its events)',
      'ok repo octo/notes: visible to @octo (subscribed: the bot relays its events)',
      'warn repo other/readonly: @octo can open issues but only reads the repository, so GitHub drops the labels the bot sets — give @octo the Triage role (or higher)',
    ]));
    expect(result.stdout).toContain('all checks passed');
    expect(result.code).toBe(0);
    expect(github.violations).toEqual([]);
  });

  it('a wrong token: the failure names the scopes or permissions a token needs; exit 1', async () => {
    const { config, database } = await setup();
    const result = await runCli(['doctor', '--config', config], { DATABASE_URL: database, GITHUB_TOKEN: 'ghp_wrong', GITHUB_API_URL: github.url });
    expect(lines(result)).toContain(`fail github GitHub (${github.url}) refused the token: 401 Bad credentials — create a new one: classic with the scope repo (public_repo if every repository is public), or fine-grained with Issues: read and write and Metadata: read on the bound repositories; set it as GITHUB_TOKEN`);
    expect(result.code).toBe(1);
  });

  it('a classic token without repo scope, and a repository the token cannot see: failures with the fix', async () => {
    const { config, database } = await setup({ rooms: [{ match: { topic: 'x' }, repo: 'other/secret' }] });
    const result = await runCli(['doctor', '--config', config], { DATABASE_URL: database, GITHUB_TOKEN: 'ghp_classic', GITHUB_API_URL: github.url });
    expect(lines(result)).toEqual(expect.arrayContaining([
      'fail github the token of @octo has the scopes read:org, gist, without repo or public_repo: it cannot open issues — add the scope repo (or public_repo) to the token, or create a new one',
    ]));
    const good = await runCli(['doctor', '--config', config], { DATABASE_URL: database, GITHUB_TOKEN: 'ghp_good', GITHUB_API_URL: github.url });
    expect(lines(good)).toContain('fail repo other/secret: not found, or not visible to @octo — check the name; invite @octo to a private repository, and give a fine-grained token access to it');
    expect(good.code).toBe(1);
  });

  it('an unreachable API: a closed port and a server that never answers fail fast, naming the URL', async () => {
    const { config, database } = await setup({ github: { timeoutMs: 500 } });
    const refused = await runCli(['doctor', '--config', config], { DATABASE_URL: database, GITHUB_TOKEN: 'ghp_good', GITHUB_API_URL: `http://127.0.0.1:${closedPort}` });
    expect(lines(refused)).toContain(`fail github cannot reach http://127.0.0.1:${closedPort} (ECONNREFUSED) — check the network and DNS of this machine, and github.apiUrl (GITHUB_API_URL) when you use GitHub Enterprise Server`);
    expect(refused.code).toBe(1);
    const port = (blackHole.address() as { port: number }).port;
    const silent = await runCli(['doctor', '--config', config], { DATABASE_URL: database, GITHUB_TOKEN: 'ghp_good', GITHUB_API_URL: `http://127.0.0.1:${port}` });
    expect(lines(silent)).toContain(`fail github cannot reach http://127.0.0.1:${port} (no answer within 500 ms) — check the network and DNS of this machine, and github.apiUrl (GITHUB_API_URL) when you use GitHub Enterprise Server`);
    expect(silent.code).toBe(1);
  });

  it('a GitHub App: installed where it must be, the install link where it is not, a refused key', async () => {
    const { config, database } = await setup();
    const app = { DATABASE_URL: database, GITHUB_APP_ID: '42', GITHUB_API_URL: github.url };
    const result = await runCli(['doctor', '--config', config], { ...app, GITHUB_PRIVATE_KEY: keys.privateKey });
    expect(lines(result)).toEqual(expect.arrayContaining([
      `ok github GitHub App osschat-test (id 42) authenticates (${github.url})`,
      'ok repo octo/hello: the App osschat-test is installed (installation 7), Issues: write',
      'ok repo octo/events: the App osschat-test is installed (installation 7), Issues: write',
      'ok repo octo/notes: the App osschat-test is installed (installation 7), Issues: write',
      'fail repo other/readonly: the App osschat-test is not installed there — install it on the repository: https://github.com/apps/osschat-test/installations/new',
    ]));
    expect(result.code).toBe(1);
    const refused = await runCli(['doctor', '--config', config], { ...app, GITHUB_PRIVATE_KEY: otherKey });
    expect(lines(refused).find((line) => line.startsWith('fail github'))).toMatch(/^fail github GitHub refused GitHub App 42: 401 .* — check github\.appId \(GITHUB_APP_ID\), and that github\.privateKey \(GITHUB_PRIVATE_KEY\) is a current private key of that App$/);
    expect(github.violations).toEqual([]);
  });

  it('speaks the configured language', async () => {
    const { config, database } = await setup({ locale: 'zh-CN' });
    const result = await runCli(['doctor', '--config', config], { DATABASE_URL: database, GITHUB_TOKEN: 'ghp_wrong', GITHUB_API_URL: github.url });
    expect(lines(result).find((line) => line.startsWith('fail github'))).toContain('拒绝了这个 token');
    expect(result.stdout).toContain('项检查失败');
  });
});
