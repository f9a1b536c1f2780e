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

  constructor(
    private readonly initialRepos: string[],
    private readonly now: () => Date = () => new Date(),
    access: RepoAccessOptions = {},
  ) {
    this.access = new RepoPermissions(access);
    this.reset();
  }

  /** Forgets every issue and comment; keeps only the configured repositories (and their configured access). */
  reset(): void {
    this.access.reset();
    this.repoMap.clear();
    this.nextId = 1000;
    for (const repo of this.initialRepos) this.addRepo(repo);
  }

  addRepo(fullName: string): void {
    const key = fullName.toLowerCase();
    if (!this.repoMap.has(key)) this.repoMap.set(key, { id: this.newId(), fullName, issues: [], comments: [], labels: new Map() });
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
      number: repo.issues.length + 1,
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
    return issue;
  }

  updateIssue(fullName: string, issueNumber: number, patch: IssuePatch): IssueRecord | undefined {
    const issue = this.issue(fullName, issueNumber);
    if (!issue) return undefined;
    const closing = patch.state === 'closed' && issue.state !== 'closed';
    const reopening = patch.state === 'open' && issue.state === 'closed';
    Object.assign(issue, patch, { updatedAt: this.timestamp() });
    if (patch.labels) issue.labels = this.ensureLabels(this.repo(fullName), patch.labels);
    if (closing) Object.assign(issue, { closedAt: issue.updatedAt, stateReason: patch.stateReason ?? 'completed' });
    if (reopening) Object.assign(issue, { closedAt: null, stateReason: 'reopened' });
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
    return comment;
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
