import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { parseMainOptions } from '../fakes/github/main.js';

let server: GitHubServer;

beforeAll(async () => {
  server = await createGitHubServer();
});
afterAll(() => server.close());

const control = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${server.url}/_fake/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};
const api = (path: string, init?: RequestInit): Promise<Response> =>
  fetch(`${server.url}${path}`, { ...init, headers: { authorization: 'Bearer test-token' } });

describe('control API under /_fake', () => {
  test('queues faults, seeds issues, shows state with violations, resets', async () => {
    expect((await control('POST', 'faults', [{ status: 503, match: { path: '^/user$' } }])).json).toEqual({ pending: 1 });
    expect((await control('POST', 'issues', { repo: 'octo/hello', title: 'Seeded', body: 'for search' })).status).toBe(201);

    expect((await api('/user')).status).toBe(503);
    expect((await api('/repos/octo/hello/issues', { method: 'POST', body: '{"labels":"bug"}' })).status).toBe(422);
    const { json: state } = await control('GET', 'state');

    expect(state.issues).toEqual([expect.objectContaining({ repo: 'octo/hello', number: 1, title: 'Seeded', body: 'for search' })]);
    expect(state.violations).toEqual([expect.objectContaining({ method: 'POST', path: '/repos/octo/hello/issues' })]);
    expect(state.requests).toHaveLength(2);

    await control('POST', 'reset');
    expect((await control('GET', 'state')).json).toMatchObject({ issues: [], violations: [], requests: [], pendingFaults: 0 });
  });

  test('an unknown control route is 404 and is not a violation', async () => {
    expect((await control('GET', 'nope')).status).toBe(404);
    expect(server.violations).toEqual([]);
  });
});

describe('standalone options', () => {
  test('argv wins over FAKE_GITHUB_* variables', () => {
    const env = { FAKE_GITHUB_REPOS: 'a/b,c/d', FAKE_GITHUB_TOKENS: 'x', FAKE_GITHUB_PORT: '9000' };

    expect(parseMainOptions(['--token', 'y', '--token', 'z', '--latency', '5'], env)).toMatchObject({
      port: 9000,
      repos: ['a/b', 'c/d'],
      tokens: ['y', 'z'],
      latencyMs: 5,
      app: undefined,
    });
  });
});
