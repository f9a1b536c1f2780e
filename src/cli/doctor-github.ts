import type { Config } from '../config/schema.js';
import type { Translate } from '../core/i18n/translate.js';
import { silentLogger } from '../core/logger.js';
import { createClient, webUrlOf, type GitHubClient } from '../forge/github/github-client.js';
import type { Check } from './doctor-checks.js';
import { doctorTimeoutMs, unreachableReason } from './doctor-http.js';
import type { RepoUse } from './doctor-repos.js';

type Repos = Map<string, RepoUse>;

interface Answered {
  status?: number;
  message?: string;
  response?: { data?: { message?: string } };
}

const ROLES = ['admin', 'maintain', 'push', 'triage', 'pull'] as const;

/** Calls GitHub with the configured token or App, then checks each repository the bot works with. */
export async function checkGitHub(config: Config, repos: Repos, t: Translate): Promise<Check[]> {
  const { token, appId, privateKey, apiUrl } = config.github;
  const options = { apiUrl, log: silentLogger, retries: 0, throttle: false };
  const probe = new Probe(config, t);
  if (token) return probe.token(createClient(options, { token }), repos);
  if (appId && privateKey) return probe.app(createClient(options, { appId, privateKey }), repos);
  return [{ name: 'github', status: 'fail', detail: t('doctor.github.none') }];
}

class Probe {
  constructor(
    private readonly config: Config,
    private readonly t: Translate,
  ) {}

  private request() {
    return { request: { signal: AbortSignal.timeout(doctorTimeoutMs(this.config)) } };
  }

  async token(client: GitHubClient, repos: Repos): Promise<Check[]> {
    let login: string;
    let scopes: string | undefined;
    try {
      const { data, headers } = await client.rest.users.getAuthenticated(this.request());
      login = data.login;
      scopes = headers['x-oauth-scopes'];
    } catch (error) {
      return [this.failure('github', error, 'doctor.github.tokenRefused')];
    }
    const checks = [this.tokenCheck(login, scopes)];
    for (const [repo, use] of repos) checks.push(await this.repoForToken(client, repo, use, login));
    return [...checks, ...this.noRepos(repos)];
  }

  /** Classic tokens list their scopes in a header; fine-grained ones do not, and say nothing of their permissions. */
  private tokenCheck(login: string, scopes: string | undefined): Check {
    const api = this.config.github.apiUrl;
    if (scopes === undefined) return { name: 'github', status: 'ok', detail: this.t('doctor.github.fineGrained', { login, api }) };
    const granted = scopes.split(',').map((scope) => scope.trim());
    if (granted.includes('repo') || granted.includes('public_repo')) return { name: 'github', status: 'ok', detail: this.t('doctor.github.classic', { login, api, scopes }) };
    return { name: 'github', status: 'fail', detail: this.t('doctor.github.noScope', { login, scopes: scopes || '—' }) };
  }

  private async repoForToken(client: GitHubClient, repo: string, use: RepoUse, login: string): Promise<Check> {
    try {
      const { data } = await client.rest.repos.get({ ...split(repo), ...this.request() });
      if (use === 'events') return { name: 'repo', status: 'ok', detail: this.t('doctor.repo.visible', { repo, login }) };
      if (data.archived) return { name: 'repo', status: 'fail', detail: this.t('doctor.repo.archived', { repo }) };
      if (!data.has_issues) return { name: 'repo', status: 'fail', detail: this.t('doctor.repo.issuesOff', { repo }) };
      const role = ROLES.find((each) => data.permissions?.[each]) ?? 'pull';
      // GitHub opens the issue of someone with read access but drops the labels it was given.
      if (role === 'pull') return { name: 'repo', status: 'warn', detail: this.t('doctor.repo.noLabels', { repo, login }) };
      return { name: 'repo', status: 'ok', detail: this.t('doctor.repo.ok', { repo, login, role }) };
    } catch (error) {
      return this.failure('repo', error, status(error) === 404 ? 'doctor.repo.notFound' : undefined, { repo, login });
    }
  }

  async app(client: GitHubClient, repos: Repos): Promise<Check[]> {
    const { appId, apiUrl } = this.config.github;
    let slug: string;
    let install: string;
    try {
      const { data } = await client.rest.apps.getAuthenticated(this.request());
      slug = data?.slug ?? String(appId);
      // As the bot says it in chat: the App's own page, else its address on the GitHub of the API.
      install = `${(data?.html_url ?? `${webUrlOf(apiUrl)}/apps/${slug}`).replace(/\/$/, '')}/installations/new`;
    } catch (error) {
      return [this.failure('github', error, 'doctor.app.refused', { appId: appId ?? '' })];
    }
    const checks: Check[] = [{ name: 'github', status: 'ok', detail: this.t('doctor.app.ok', { slug, appId: appId ?? '', api: apiUrl }) }];
    for (const [repo, use] of repos) checks.push(await this.repoForApp(client, repo, use, slug, install));
    return [...checks, ...this.noRepos(repos)];
  }

  private async repoForApp(client: GitHubClient, repo: string, use: RepoUse, slug: string, install: string): Promise<Check> {
    try {
      const { data } = await client.rest.apps.getRepoInstallation({ ...split(repo), ...this.request() });
      const issues = data.permissions.issues ?? 'none';
      if (use === 'issues' && issues !== 'write') return { name: 'repo', status: 'fail', detail: this.t('doctor.app.noIssues', { repo, slug, issues, id: data.id }) };
      return { name: 'repo', status: 'ok', detail: this.t('doctor.app.installed', { repo, slug, issues, id: data.id }) };
    } catch (error) {
      return this.failure('repo', error, status(error) === 404 ? 'doctor.app.notInstalled' : undefined, { repo, slug, install });
    }
  }

  private noRepos(repos: Repos): Check[] {
    return repos.size === 0 ? [{ name: 'repo', status: 'warn', detail: this.t('doctor.repo.none') }] : [];
  }

  /** Unreachable API, then what GitHub said: the key for a refusal the caller expects, else its status and message. */
  private failure(name: string, error: unknown, refused: Parameters<Translate>[0] | undefined, params: Record<string, string | number> = {}): Check {
    const unreachable = unreachableReason(error, doctorTimeoutMs(this.config));
    const api = this.config.github.apiUrl;
    if (unreachable) return { name, status: 'fail', detail: this.t('doctor.github.unreachable', { api, reason: unreachable }) };
    const answered = error as Answered;
    const said = `${answered.status ?? ''} ${answered.response?.data?.message ?? answered.message ?? String(error)}`.trim();
    const key = refused && (answered.status === undefined || answered.status === 401 || answered.status === 404) ? refused : 'doctor.github.failed';
    return { name, status: 'fail', detail: this.t(key, { subject: params.repo ?? api, ...params, said, api }) };
  }
}

function status(error: unknown): number | undefined {
  return (error as Answered).status;
}

function split(repo: string): { owner: string; repo: string } {
  const [owner = '', name = ''] = repo.split('/');
  return { owner, repo: name };
}
