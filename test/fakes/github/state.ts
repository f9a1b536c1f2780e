import { EventLog, type PullRecord, type ReleaseRecord } from './event-log.js';
import { RepoPermissions, type RepoAccessOptions } from './repo-permissions.js';

export type IssueState = 'open' | 'closed';

export interface IssueRecord {
  id: number;
  repo: string;
  number: number;
  title: string;
  body: string | null;
  state: IssueState;
  stateReason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  labels: string[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CommentRecord {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface NewIssue {
  title: string;
  body?: string | null;
  state?: IssueState;
  user?: string;
  labels?: string[];
  /** ISO time or Date; defaults to the server clock. */
  createdAt?: string | Date;
}

export type IssuePatch = Partial<Pick<IssueRecord, 'title' | 'body' | 'state' | 'stateReason' | 'labels'>>;

interface RepoRecord {
  id: number;
  fullName: string;
  issues: IssueRecord[];
  comments: CommentRecord[];
  labels: Map<string, LabelRecord>;
  pulls: PullRecord[];
  releases: ReleaseRecord[];
}

/** GitHub timestamps have whole seconds: `2024-05-01T10:00:00Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What the fake GitHub holds: repositories with their issues, comments and labels. */
export class GitHubState {
  private repoMap = new Map<string, RepoRecord>();
  private nextId = 1000;

  /** Users' roles on repositories and which repositories are private. */
  readonly access: RepoPermissions;

  /** What the repository events API lists: issues, comments, pull requests and releases record into it. */
  readonly events: EventLog;

  constructor(
    private readonly initialRepos: string[],
    private readonly now: () => Date = () => new Date(),
    access: RepoAccessOptions = {},
    pollIntervalSeconds?: number,
  ) {
    this.access = new RepoPermissions(access);
    this.events = new EventLog(pollIntervalSeconds);
    this.reset();
  }

  /** Forgets every issue and comment; keeps only the configured repositories (and their configured access). */
  reset(): void {
    this.access.reset();
    this.events.reset();
    this.repoMap.clear();
    this.nextId = 1000;
    for (const repo of this.initialRepos) this.addRepo(repo);
  }

  addRepo(fullName: string): void {
    const key = fullName.toLowerCase();
    if (!this.repoMap.has(key)) this.repoMap.set(key, { id: this.newId(), fullName, issues: [], comments: [], labels: new Map(), pulls: [], releases: [] });
  }

  repoNames(): string[] {
    return [...this.repoMap.values()].map((r) => r.fullName);
  }

  hasRepo(fullName: string): boolean {
    return this.repoMap.has(fullName.toLowerCase());
  }

  /** The repository's id and its name as configured (lookups ignore case, like GitHub). */
  repoInfo(fullName: string): { id: number; fullName: string } {
    const { id, fullName: name } = this.repo(fullName);
    return { id, fullName: name };
  }

  /** Issues of one repository in creation order (oldest first). */
  issues(fullName: string): IssueRecord[] {
    return [...this.repo(fullName).issues];
  }

  allIssues(): IssueRecord[] {
    return [...this.repoMap.values()].flatMap((r) => r.issues);
  }

  issue(fullName: string, issueNumber: number): IssueRecord | undefined {
    return this.repoMap.get(fullName.toLowerCase())?.issues.find((i) => i.number === issueNumber);
  }

  /** Adds an issue as if someone had opened it; numbers per repository start at 1. */
  addIssue(fullName: string, input: NewIssue): IssueRecord {
    const repo = this.repo(fullName);
    const at = input.createdAt ? isoSeconds(new Date(input.createdAt)) : this.timestamp();
    const state = input.state ?? 'open';
    const issue: IssueRecord = {
      id: this.newId(),
      repo: repo.fullName,
      number: repo.issues.length + repo.pulls.length + 1,
      title: input.title,
      body: input.body ?? null,
      state,
      stateReason: state === 'closed' ? 'completed' : null,
      labels: this.ensureLabels(repo, input.labels ?? []),
      user: input.user ?? 'octocat',
      createdAt: at,
      updatedAt: at,
      closedAt: state === 'closed' ? at : null,
    };
    repo.issues.push(issue);
    this.events.record({ type: 'IssuesEvent', action: 'opened', repo: repo.fullName, actor: issue.user, issue }, at);
    if (state === 'closed') this.events.record({ type: 'IssuesEvent', action: 'closed', repo: repo.fullName, actor: issue.user, issue }, at);
    return issue;
  }

  /** Changes an issue as `actor` did (default its author); closing and reopening are events. */
  updateIssue(fullName: string, issueNumber: number, patch: IssuePatch, actor?: string): IssueRecord | undefined {
    const issue = this.issue(fullName, issueNumber);
    if (!issue) return undefined;
    const closing = patch.state === 'closed' && issue.state !== 'closed';
    const reopening = patch.state === 'open' && issue.state === 'closed';
    Object.assign(issue, patch, { updatedAt: this.timestamp() });
    if (patch.labels) issue.labels = this.ensureLabels(this.repo(fullName), patch.labels);
    if (closing) Object.assign(issue, { closedAt: issue.updatedAt, stateReason: patch.stateReason ?? 'completed' });
    if (reopening) Object.assign(issue, { closedAt: null, stateReason: 'reopened' });
    if (closing || reopening) this.events.record({ type: 'IssuesEvent', action: closing ? 'closed' : 'reopened', repo: issue.repo, actor: actor ?? issue.user, issue }, issue.updatedAt);
    return issue;
  }

  /** Comments of a repository, or of one issue when `issueNumber` is given. */
  comments(fullName: string, issueNumber?: number): CommentRecord[] {
    return this.repo(fullName).comments.filter((c) => issueNumber === undefined || c.issueNumber === issueNumber);
  }

  addComment(fullName: string, issueNumber: number, body: string, user = 'octocat'): CommentRecord {
    const at = this.timestamp();
    const comment = { id: this.newId(), repo: this.repo(fullName).fullName, issueNumber, body, user, createdAt: at, updatedAt: at };
    this.repo(fullName).comments.push(comment);
    const issue = this.issue(fullName, issueNumber);
    if (issue) issue.updatedAt = at;
    if (issue) this.events.record({ type: 'IssueCommentEvent', action: 'created', repo: issue.repo, actor: user, issue, comment }, at);
    return comment;
  }

  pull(fullName: string, pullNumber: number): PullRecord | undefined {
    return this.repoMap.get(fullName.toLowerCase())?.pulls.find((p) => p.number === pullNumber);
  }

  /** Opens a pull request (its number comes from the issues' number space, as on GitHub). */
  addPull(fullName: string, input: { title: string; body?: string; user?: string }): PullRecord {
    const repo = this.repo(fullName);
    const at = this.timestamp();
    const pull: PullRecord = {
      id: this.newId(), repo: repo.fullName, number: repo.issues.length + repo.pulls.length + 1, title: input.title, body: input.body ?? null, state: 'open', stateReason: null,
      labels: [], user: input.user ?? 'octocat', createdAt: at, updatedAt: at, closedAt: null, merged: false, mergedAt: null, head: `patch-${repo.pulls.length + 1}`, base: 'main',
    };
    repo.pulls.push(pull);
    this.events.record({ type: 'PullRequestEvent', action: 'opened', repo: repo.fullName, actor: pull.user, pull }, at);
    return pull;
  }

  /** Closes a pull request, merging it when `merged`. */
  closePull(fullName: string, pullNumber: number, merged: boolean, actor = 'octocat'): PullRecord | undefined {
    const pull = this.pull(fullName, pullNumber);
    if (!pull || pull.state === 'closed') return pull;
    const at = this.timestamp();
    Object.assign(pull, { state: 'closed', updatedAt: at, closedAt: at, merged, mergedAt: merged ? at : null });
    this.events.record({ type: 'PullRequestEvent', action: 'closed', repo: pull.repo, actor, pull }, at);
    return pull;
  }

  /** Publishes a release. */
  addRelease(fullName: string, input: { tagName: string; name?: string; body?: string; user?: string }): ReleaseRecord {
    const repo = this.repo(fullName);
    const at = this.timestamp();
    const release: ReleaseRecord = { id: this.newId(), repo: repo.fullName, tagName: input.tagName, name: input.name ?? null, body: input.body ?? null, user: input.user ?? 'octocat', createdAt: at, publishedAt: at };
    repo.releases.push(release);
    this.events.record({ type: 'ReleaseEvent', action: 'published', repo: repo.fullName, actor: release.user, release }, at);
    return release;
  }

  label(fullName: string, name: string): LabelRecord | undefined {
    return this.repo(fullName).labels.get(name.toLowerCase());
  }

  private ensureLabels(repo: RepoRecord, names: string[]): string[] {
    for (const name of names) {
      if (!repo.labels.has(name.toLowerCase())) {
        repo.labels.set(name.toLowerCase(), { id: this.newId(), name, color: 'ededed', description: null });
      }
    }
    return names.map((name) => repo.labels.get(name.toLowerCase())?.name ?? name);
  }

  private repo(fullName: string): RepoRecord {
    const repo = this.repoMap.get(fullName.toLowerCase());
    if (!repo) throw new Error(`fake GitHub has no repository ${fullName}; known: ${this.repoNames().join(', ')}`);
    return repo;
  }

  private timestamp(): string {
    return isoSeconds(this.now());
  }

  private newId(): number {
    return this.nextId++;
  }
}
