import { OsschatError } from '../../core/errors.js';
import type { Forge, ForgeIssue, NewIssue } from '../forge.js';
import { createClient, webUrlOf, type ClientOptions, type GitHubClient } from './github-client.js';
import { mapGitHubError } from './map-error.js';
import { pollRepoEvents } from './poll-events.js';

export interface GitHubForgeOptions extends ClientOptions {
  token?: string;
  app?: { appId: string; privateKey: string };
  /** Budget of one call, retries included. */
  timeoutMs?: number;
  /**
   * How long after a write request began GitHub may still carry it out (it stops requests at
   * 10 s); a creation whose answer was lost is looked for once this has passed. Default 10,000 ms.
   */
  lateWriteMs?: number;
}

interface IssueData {
  number: number;
  html_url: string;
  title: string;
  state?: string;
  body?: string | null;
  pull_request?: unknown;
}

const toIssue = (data: IssueData): ForgeIssue => ({ number: data.number, url: data.html_url, title: data.title, state: data.state });

function split(repo: string): { owner: string; repo: string } {
  const [owner = '', name = ''] = repo.split('/');
  return { owner, repo: name };
}

/** GitHub (or GitHub Enterprise Server) through Octokit, with a token or as a GitHub App. */
export function createGitHubForge(options: GitHubForgeOptions): Forge {
  const access = new RepoAccess(options);
  // Polling handles rate limits itself (it waits, and says so once), so its client neither waits nor retries.
  const polling = new RepoAccess({ ...options, throttle: false, retries: 0 });
  const request = () => ({ signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });

  async function call<T>(repo: string, action: string, run: (client: GitHubClient) => Promise<T>): Promise<T> {
    const client = await access.clientFor(repo);
    try {
      return await run(client);
    } catch (error) {
      throw mapGitHubError(error, `${action} in ${repo}`);
    }
  }

  /** A creation that failed without a clear answer may yet happen: wait out GitHub's limit, then look for it. */
  async function created<T>(run: () => Promise<T>, find: (since: Date) => Promise<T | undefined>): Promise<T> {
    const started = Date.now();
    try {
      return await run();
    } catch (error) {
      if (mapGitHubError(error, 'create').code !== 'forge-unavailable') throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (options.lateWriteMs ?? 10_000) - Date.now())));
      // GitHub's times have whole seconds.
      const found = await find(new Date(Math.floor(started / 1000) * 1000 - 1000)).catch(() => undefined);
      if (found === undefined) throw error;
      return found;
    }
  }

  async function commentsByMe(client: GitHubClient, repo: string, number: number, since: Date) {
    const me = await access.login(client);
    // Oldest first and no sort order to ask for: a busy issue's newest comments are on the last page.
    const data = await client.paginate(client.rest.issues.listComments, { ...split(repo), issue_number: number, since: since.toISOString(), per_page: 100, request: request() });
    return data.filter((comment) => !me || comment.user?.login === me).map((comment) => ({ url: comment.html_url, body: comment.body ?? '' }));
  }

  async function issuesByMe(client: GitHubClient, repo: string, since: Date) {
    const creator = await access.login(client);
    const { data } = await client.rest.issues.listForRepo({ ...split(repo), state: 'all', since: since.toISOString(), sort: 'created', direction: 'desc', per_page: 100, ...(creator ? { creator } : {}), request: request() });
    return data.filter((issue) => !issue.pull_request).map((issue) => ({ ...toIssue(issue), body: issue.body ?? '' }));
  }

  const same = (a: string, b: string) => a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

  return {
    name: 'github',
    lateWriteMs: options.lateWriteMs ?? 10_000,
    createIssue: (issue: NewIssue) =>
      call(issue.repo, 'create issue', async (client) => {
        // No retry inside the call: GitHub may have created the issue before failing. The outbox retries, looking for it first.
        const create = async () => toIssue((await client.rest.issues.create({ ...split(issue.repo), title: issue.title, body: issue.body, labels: issue.labels, request: { ...request(), retries: 0 } })).data);
        const find = async (since: Date) => (await issuesByMe(client, issue.repo, since)).find((found) => same(found.body, issue.body));
        return created(create, find);
      }),
    recentIssuesByMe: (repo, since) => call(repo, 'list recent issues', (client) => issuesByMe(client, repo, since)),
    addComment: (repo, number, body) =>
      call(repo, 'comment', async (client) => {
        // Like issue creation: no retry inside the call; the outbox retries after looking for the marker.
        const create = async () => ({ url: (await client.rest.issues.createComment({ ...split(repo), issue_number: number, body, request: { ...request(), retries: 0 } })).data.html_url });
        const find = async (since: Date) => (await commentsByMe(client, repo, number, since)).find((found) => same(found.body, body));
        return created(create, find);
      }),
    recentCommentsByMe: (repo, number, since) => call(repo, 'list comments', (client) => commentsByMe(client, repo, number, since)),
    searchIssues: (repo, terms, limit) =>
      call(repo, 'search issues', async (client) => {
        const q = [`repo:${repo}`, 'is:issue', 'is:open', ...terms].join(' ');
        const { data } = await client.rest.search.issuesAndPullRequests({ q, per_page: limit, request: request() });
        return data.items.slice(0, limit).map(toIssue);
      }),
    installUrl: () => access.installUrl(),
    pollEvents: async (repo, cursor, since) => pollRepoEvents({ client: await polling.clientFor(repo), repo, timeoutMs: options.timeoutMs ?? 30_000 }, cursor, since),
  };
}

/**
 * Which client may act on a repository: the token's, or the App installation's. One client per
 * installation, so its token (cached by auth-app until it expires) serves every repository it reaches.
 */
class RepoAccess {
  private readonly tokenClient: GitHubClient | undefined;
  private readonly appClient: GitHubClient | undefined;
  private readonly installations = new Map<number, GitHubClient>();
  private readonly installationOfRepo = new Map<string, number>();
  private readonly logins = new WeakMap<GitHubClient, Promise<string | undefined>>();
  private app: Promise<{ slug?: string; htmlUrl?: string }> | undefined;

  constructor(private readonly options: GitHubForgeOptions) {
    if (options.token) this.tokenClient = createClient(options, { token: options.token });
    else if (options.app) this.appClient = createClient(options, options.app);
  }

  async clientFor(repo: string): Promise<GitHubClient> {
    if (this.tokenClient) return this.tokenClient;
    if (!this.appClient || !this.options.app) throw new OsschatError('forge-unauthorized', 'no GitHub credentials: set GITHUB_TOKEN or a GitHub App');
    const installationId = this.installationOfRepo.get(repo) ?? (await this.installationOf(repo));
    this.installationOfRepo.set(repo, installationId);
    let client = this.installations.get(installationId);
    if (!client) this.installations.set(installationId, (client = createClient(this.options, { ...this.options.app, installationId })));
    return client;
  }

  private async installationOf(repo: string): Promise<number> {
    try {
      const { data } = await this.appClient!.rest.apps.getRepoInstallation(split(repo));
      return data.id;
    } catch (error) {
      const mapped = mapGitHubError(error, `find the App installation of ${repo}`);
      if (mapped.code === 'forge-not-found') throw new OsschatError('forge-not-installed', `the GitHub App is not installed on ${repo}`, { cause: error });
      throw mapped;
    }
  }

  /** The account that opens issues: the token's user, or the App's bot. */
  login(client: GitHubClient): Promise<string | undefined> {
    let login = this.logins.get(client);
    if (!login) {
      login = this.tokenClient ? client.rest.users.getAuthenticated().then(({ data }) => data.login) : this.appSlug().then((slug) => slug && `${slug}[bot]`);
      this.logins.set(client, login.catch(() => undefined));
    }
    return this.logins.get(client)!;
  }

  private appInfo(): Promise<{ slug?: string; htmlUrl?: string }> {
    this.app ??= this.appClient
      ? this.appClient.rest.apps.getAuthenticated().then(({ data }) => ({ slug: data?.slug, htmlUrl: data?.html_url }), () => ({}))
      : Promise.resolve({});
    return this.app;
  }

  private async appSlug(): Promise<string | undefined> {
    return (await this.appInfo()).slug;
  }

  /** The App's page as GitHub gives it, else derived from the API address. */
  async installUrl(): Promise<string | undefined> {
    const { slug, htmlUrl } = await this.appInfo();
    if (htmlUrl) return `${htmlUrl.replace(/\/$/, '')}/installations/new`;
    return slug ? `${webUrlOf(this.options.apiUrl)}/apps/${slug}/installations/new` : undefined;
  }
}
