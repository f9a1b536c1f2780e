import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';

let server: GitHubServer;
let gh: Octokit;
const repo = { owner: 'octo', repo: 'hello' };

beforeAll(async () => {
  server = await createGitHubServer({
    repos: ['octo/hello', 'octo/private'],
    tokens: ['test-token', { token: 'reader', readOnly: true }, { token: 'narrow', repos: ['octo/hello'], login: 'alice' }],
    validateResponses: true,
  });
  gh = new Octokit({ baseUrl: server.url, auth: 'test-token' });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Untyped on purpose: these tests send what Octokit's types would refuse. */
const raw = (route: string, params: Record<string, unknown> = {}): Promise<unknown> => gh.request(route, params);

const statusOf = (promise: Promise<unknown>): Promise<number> =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? -1,
  );

describe('issues through a real Octokit client', () => {
  test('creates numbered issues with label objects, as GitHub answers them', async () => {
    const { data, status } = await gh.rest.issues.create({ ...repo, title: '微信群 login crash', body: 'It crashes', labels: ['bug'] });
    const second = await gh.rest.issues.create({ ...repo, title: 'Second' });

    expect(status).toBe(201);
    expect(data).toMatchObject({ number: 1, state: 'open', title: '微信群 login crash', body: 'It crashes', comments: 0 });
    expect(data.html_url).toBe('https://github.com/octo/hello/issues/1');
    expect(data.url).toBe(`${server.url}/repos/octo/hello/issues/1`);
    expect(data.repository_url).toBe(`${server.url}/repos/octo/hello`);
    expect(data.user?.login).toBe('osschat-bot');
    expect(data.labels).toEqual([expect.objectContaining({ name: 'bug', id: expect.any(Number), color: 'ededed' })]);
    expect(data.node_id).toEqual(expect.any(String));
    expect(second.data.number).toBe(2);
    expect(server.state.issues('octo/hello').map((i) => i.body)).toEqual(['It crashes', null]);
    expect(server.violations).toEqual([]);
    expect(server.responseViolations).toEqual([]);
  });

  test('lists newest first, filters, updates, comments', async () => {
    for (const title of ['one', 'two', 'three']) await gh.rest.issues.create({ ...repo, title });
    await gh.rest.issues.update({ ...repo, issue_number: 2, state: 'closed' });
    await gh.rest.issues.createComment({ ...repo, issue_number: 3, body: 'me too' });

    const open = await gh.rest.issues.listForRepo(repo);
    const all = await gh.rest.issues.listForRepo({ ...repo, state: 'all', direction: 'asc', per_page: 2 });
    const comments = await gh.rest.issues.listComments({ ...repo, issue_number: 3 });
    const closed = await gh.rest.issues.get({ ...repo, issue_number: 2 });

    expect(open.data.map((i) => i.number)).toEqual([3, 1]);
    expect(open.data[0]?.comments).toBe(1);
    expect(all.data.map((i) => i.number)).toEqual([1, 2]);
    expect(all.headers.link).toContain('rel="next"');
    expect(comments.data).toEqual([expect.objectContaining({ body: 'me too', user: expect.objectContaining({ login: 'osschat-bot' }) })]);
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed', closed_at: expect.any(String) });
    expect(server.violations).toEqual([]);
    expect(server.responseViolations).toEqual([]);
  });

  test('answers the repository and the token owner', async () => {
    const { data: repository } = await gh.rest.repos.get(repo);
    const { data: user } = await new Octokit({ baseUrl: server.url, auth: 'narrow' }).rest.users.getAuthenticated();

    expect(repository).toMatchObject({ full_name: 'octo/hello', has_issues: true, default_branch: 'main' });
    expect(user.login).toBe('alice');
    expect(server.responseViolations).toEqual([]);
  });

  test('records requests with the authorization value redacted', async () => {
    await gh.rest.issues.listForRepo({ ...repo, labels: 'bug' });

    expect(server.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/repos/octo/hello/issues', query: { labels: 'bug' }, status: 200, operationId: 'issues/list-for-repo' }),
    ]);
    expect(server.requests[0]?.headers.authorization).toBe('token [redacted]');
  });
});

describe('search', () => {
  beforeEach(() => {
    server.state.addIssue('octo/hello', { title: 'Crash on login', body: 'The app crashes when I log in' });
    server.state.addIssue('octo/hello', { title: 'Dark mode', body: 'Please add a login theme' });
    server.state.addIssue('octo/hello', { title: 'Crash on startup', state: 'closed' });
    server.state.addIssue('octo/hello', { title: '微信群 消息丢失', body: '开工单' });
  });

  const search = async (q: string): Promise<string[]> =>
    (await gh.rest.search.issuesAndPullRequests({ q })).data.items.map((i) => i.title);

  test('ranks by how many terms match, honours qualifiers', async () => {
    expect(await search('repo:octo/hello is:issue is:open crash login')).toEqual(['Crash on login', 'Dark mode']);
    expect(await search('repo:octo/hello is:issue in:title login')).toEqual(['Crash on login']);
    expect(await search('repo:octo/hello is:issue state:closed crash')).toEqual(['Crash on startup']);
    expect(await search('is:issue 微信群')).toEqual(['微信群 消息丢失']);
    const { data } = await gh.rest.search.issuesAndPullRequests({ q: 'is:issue crash' });
    expect(data).toMatchObject({ total_count: 2, incomplete_results: false });
    expect(server.responseViolations).toEqual([]);
  });

  test('refuses queries GitHub refuses', async () => {
    expect(await statusOf(search('crash login'))).toBe(422);
    expect(await statusOf(search('repo:octo/nope is:issue crash'))).toBe(422);
    expect(server.violations.map((v) => v.errors[0])).toEqual([
      "search q: Query must include 'is:issue' or 'is:pull-request'",
      expect.stringContaining('cannot be searched'),
    ]);
  });
});

describe('requests GitHub would reject', () => {
  test.each([
    ['no title', { body: 'x' }, "body must have required property 'title'"],
    ['labels as a string', { title: 't', labels: 'bug' }, 'body/labels must be array'],
  ])('POST issues with %s is 422 and a violation', async (_name, body, error) => {
    const status = await statusOf(raw('POST /repos/{owner}/{repo}/issues', { ...repo, ...body }));

    expect(status).toBe(422);
    expect(server.violations).toEqual([{ method: 'POST', path: '/repos/octo/hello/issues', errors: expect.arrayContaining([error]) }]);
    expect(server.state.issues('octo/hello')).toEqual([]);
  });

  test('an unknown enum value in the query is 422', async () => {
    expect(await statusOf(raw('GET /repos/{owner}/{repo}/issues', { ...repo, state: 'bogus' }))).toBe(422);
    expect(server.violations[0]?.errors[0]).toMatch(/query\/state must be equal to one of the allowed values/);
  });

  test('an unknown route or a malformed path parameter is 404', async () => {
    expect(await statusOf(raw('GET /repos/{owner}/{repo}/issuez', repo))).toBe(404);
    expect(await statusOf(raw('GET /repos/octo/hello/issues/abc'))).toBe(404);
    expect(server.violations.map((v) => v.path)).toEqual(['/repos/octo/hello/issuez', '/repos/octo/hello/issues/abc']);
  });

  test('GitHub-only rules: empty title, too long body', async () => {
    expect(await statusOf(gh.rest.issues.create({ ...repo, title: ' ' }))).toBe(422);
    expect(await statusOf(gh.rest.issues.create({ ...repo, title: 't', body: 'x'.repeat(65_537) }))).toBe(422);
    expect(server.violations).toHaveLength(2);
  });
});

describe('credentials and access', () => {
  const client = (auth?: string): Octokit => new Octokit({ baseUrl: server.url, auth });

  test('a wrong token is 401 Bad credentials, none is 401 too', async () => {
    const error = await client('wrong').rest.issues.create({ ...repo, title: 't' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, response: { data: { message: 'Bad credentials' } } });
    expect(await statusOf(client().rest.users.getAuthenticated())).toBe(401);
    expect(server.violations).toEqual([]);
  });

  test('unknown or invisible repositories are 404, read-only tokens get 403 on writes', async () => {
    expect(await statusOf(gh.rest.issues.create({ owner: 'octo', repo: 'nope', title: 't' }))).toBe(404);
    expect(await statusOf(client('narrow').rest.issues.create({ owner: 'octo', repo: 'private', title: 't' }))).toBe(404);
    const denied = await client('reader').rest.issues.create({ ...repo, title: 't' }).catch((e: unknown) => e);
    expect(denied).toMatchObject({ status: 403, response: { data: { message: 'Resource not accessible by personal access token' } } });
    expect(await statusOf(client('reader').rest.issues.listForRepo(repo))).toBe(200);
  });
});
