import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OsschatError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { createGitHubForge } from '../../src/forge/github/github-forge.js';
import { webUrlOf } from '../../src/forge/github/github-client.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
let github: GitHubServer;

beforeAll(async () => {
  github = await createGitHubServer({
    repos: ['octo/hello', 'octo/other'],
    tokens: ['test-token', { token: 'read-only', readOnly: true }],
    app: { id: 4242, slug: 'osschat', publicKeyPem: keys.publicKey, installations: [{ id: 77, repos: ['octo/hello'] }] },
  });
});
afterAll(async () => github.close());

const forge = (options: Partial<Parameters<typeof createGitHubForge>[0]> = {}) =>
  createGitHubForge({ apiUrl: github.url, token: 'test-token', log: silentLogger, throttle: false, retries: 1, retryAfterBaseValue: 5, lateWriteMs: 0, ...options });

async function codeOf(promise: Promise<unknown>): Promise<[string, boolean]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof OsschatError)) throw new Error(`expected an OsschatError, got ${String(error)}`);
  return [error.code, error.retryable];
}

describe('GitHub forge', () => {
  it('opens issues as a GitHub App installation and finds them again by their author', async () => {
    const app = forge({ token: undefined, app: { appId: '4242', privateKey: keys.privateKey } });
    const since = new Date(Date.now() - 60_000);
    const issue = await app.createIssue({ repo: 'octo/hello', title: 'from the app', body: 'body\n<!-- osschat:k1 -->', labels: ['bug'] });
    expect(issue).toMatchObject({ number: expect.any(Number), url: expect.stringContaining('/octo/hello/issues/') });
    expect(github.state.issue('octo/hello', issue.number)?.user).toBe('osschat[bot]');
    const mine = await app.recentIssuesByMe('octo/hello', since);
    expect(mine.map((i) => i.number)).toContain(issue.number);
    expect(await app.installUrl?.()).toBe('https://github.com/apps/osschat/installations/new');
  });

  it('says the App is not installed on a repository it cannot reach', async () => {
    const app = forge({ token: undefined, app: { appId: '4242', privateKey: keys.privateKey } });
    expect(await codeOf(app.createIssue({ repo: 'octo/other', title: 't', body: 'b', labels: [] }))).toEqual(['forge-not-installed', false]);
  });

  it('maps GitHub refusals to what a person must fix, and outages to retryable errors', async () => {
    const issue = { repo: 'octo/hello', title: 't', body: 'b', labels: [] };
    expect(await codeOf(forge({ token: 'nope' }).createIssue(issue))).toEqual(['forge-unauthorized', false]);
    expect(await codeOf(forge({ token: 'read-only' }).createIssue(issue))).toEqual(['forge-forbidden', false]);
    expect(await codeOf(forge().createIssue({ ...issue, repo: 'octo/missing' }))).toEqual(['forge-not-found', false]);
    github.faults.next({ status: 502 });
    expect(await codeOf(forge().createIssue(issue))).toEqual(['forge-unavailable', true]);
    github.faults.next({ rateLimit: 'primary' });
    expect(await codeOf(forge().createIssue(issue))).toEqual(['forge-rate-limited', true]);
    github.faults.next({ delayMs: 500 });
    expect(await codeOf(forge({ timeoutMs: 100 }).createIssue(issue))).toEqual(['forge-unavailable', true]);
  });

  it('retries reads inside the call, but never an issue creation', async () => {
    github.faults.next({ status: 502, match: { path: /search/ } });
    expect(await forge().searchIssues('octo/hello', ['nothing'], 3)).toEqual([]);
    const before = github.state.issues('octo/hello').length;
    github.faults.next({ status: 502, match: { method: 'POST' } });
    await expect(forge().createIssue({ repo: 'octo/hello', title: 't', body: 'b', labels: [] })).rejects.toThrow();
    expect(github.state.issues('octo/hello')).toHaveLength(before);
    expect(github.violations).toEqual([]);
  });

  it('derives the web address of github.com and of GitHub Enterprise Server', () => {
    expect(webUrlOf('https://api.github.com')).toBe('https://github.com');
    expect(webUrlOf('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com');
  });
});
