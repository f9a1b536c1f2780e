import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';

const RetryingOctokit = Octokit.plugin(retry, throttling);
const repo = { owner: 'octo', repo: 'hello' };
let server: GitHubServer;

beforeAll(async () => {
  server = await createGitHubServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** The plugins as production would use them, with waits scaled down to milliseconds. */
function retryingClient(onLimit: string[] = []): InstanceType<typeof RetryingOctokit> {
  return new RetryingOctokit({
    baseUrl: server.url,
    auth: 'test-token',
    retry: { retryAfterBaseValue: 1 },
    throttle: {
      retryAfterBaseValue: 1,
      onRateLimit: () => onLimit.push('primary') > 0,
      onSecondaryRateLimit: () => onLimit.push('secondary') > 0,
    },
  });
}

const headerOf = (url: string, init?: RequestInit): Promise<Response> =>
  fetch(`${server.url}${url}`, { ...init, headers: { authorization: 'token test-token', ...init?.headers } });

describe('faults', () => {
  test('a 500 is retried by plugin-retry and the issue is created once', async () => {
    server.faults.next({ status: 500 });

    const { data } = await retryingClient().rest.issues.create({ ...repo, title: 'after a 500' });

    expect(data.number).toBe(1);
    expect(server.requests.map((r) => r.status)).toEqual([500, 201]);
    expect(server.state.issues('octo/hello')).toHaveLength(1);
  });

  test('a primary rate limit says remaining 0 and a reset one second ahead', async () => {
    server.faults.next({ rateLimit: 'primary' });

    const res = await headerOf('/repos/octo/hello/issues');
    const body = (await res.json()) as { message: string };

    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-ratelimit-reset')) - Date.now() / 1000).toBeLessThanOrEqual(2);
    expect(body.message).toMatch(/^API rate limit exceeded/);
  });

  test('plugin-throttling recognises both rate limits and retries', async () => {
    const seen: string[] = [];
    server.faults.next({ rateLimit: 'primary' }, { rateLimit: 'secondary' }, { rateLimit: 'secondary', rateLimitStatus: 429 });

    const { data } = await retryingClient(seen).rest.issues.listForRepo(repo);

    expect(data).toEqual([]);
    // A 429 is retried by plugin-retry before plugin-throttling sees it.
    expect(seen).toEqual(['primary', 'secondary']);
    expect(server.requests.map((r) => r.status)).toEqual([403, 403, 429, 200]);
  });

  test('a secondary rate limit carries retry-after', async () => {
    server.faults.next({ rateLimit: 'secondary' });

    const res = await headerOf('/repos/octo/hello/issues');

    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { message: string }).message).toMatch(/secondary rate limit/);
  });

  test('faults apply only to matching requests, after skipping n of them', async () => {
    server.faults.next({ status: 502, match: { method: 'POST', path: /\/issues$/ } });
    server.faults.after(1, { status: 404, match: { path: '^/repos/octo/hello$' } });

    expect((await headerOf('/repos/octo/hello/issues')).status).toBe(200);
    expect((await headerOf('/repos/octo/hello')).status).toBe(200);
    expect((await headerOf('/repos/octo/hello')).status).toBe(404);
    expect((await headerOf('/repos/octo/hello/issues', { method: 'POST', body: '{"title":"t"}' })).status).toBe(502);
    expect(server.faults.pending).toBe(0);
  });

  test('a delay lets a client time out; a drop closes the socket', async () => {
    server.faults.next({ delayMs: 300 }, { drop: true });

    await expect(headerOf('/user', { signal: AbortSignal.timeout(50) })).rejects.toThrow(/abort|timeout/i);
    await expect(headerOf('/user')).rejects.toThrow(/fetch failed/);
    expect((await headerOf('/user')).status).toBe(200);
  });

  test('a fault of 401 or 503 answers GitHub-shaped errors', async () => {
    server.faults.next({ status: 401 }, { status: 503 });

    const first = await headerOf('/user');
    const second = await headerOf('/user');

    expect([first.status, ((await first.json()) as { message: string }).message]).toEqual([401, 'Bad credentials']);
    expect(second.status).toBe(503);
  });
});

describe('latency', () => {
  test('applies to every answer', async () => {
    const slow = await createGitHubServer({ latencyMs: 120 });
    try {
      const started = Date.now();
      await fetch(`${slow.url}/user`, { headers: { authorization: 'token test-token' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });
});
