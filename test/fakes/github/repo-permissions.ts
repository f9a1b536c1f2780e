/** A user's role on a repository, as GitHub names them (`admin` ⊃ `maintain` ⊃ `push` ⊃ `triage` ⊃ `pull`). */
export type RepoRole = 'admin' | 'maintain' | 'push' | 'triage' | 'pull';

const ORDER: RepoRole[] = ['pull', 'triage', 'push', 'maintain', 'admin'];

export interface RepoGrant {
  repo: string;
  login: string;
  role: RepoRole;
}

export interface RepoAccessOptions {
  /** Collaborators and their roles; the owner of `owner/name` is always admin. */
  grants?: RepoGrant[];
  /** Private repositories: only their owner and collaborators see them (others get 404). */
  privateRepos?: string[];
}

/** Who may do what on which repository; the answer of `GET /repos/{owner}/{repo}`'s `permissions`. */
export class RepoPermissions {
  private roles = new Map<string, RepoRole>();
  private hidden = new Set<string>();

  constructor(private readonly initial: RepoAccessOptions = {}) {
    this.reset();
  }

  /** Back to the configured grants and private repositories. */
  reset(): void {
    this.roles.clear();
    this.hidden.clear();
    for (const grant of this.initial.grants ?? []) this.grant(grant.repo, grant.login, grant.role);
    for (const repo of this.initial.privateRepos ?? []) this.setPrivate(repo, true);
  }

  grant(repo: string, login: string, role: RepoRole): void {
    this.roles.set(key(repo, login), role);
  }

  setPrivate(repo: string, on: boolean): void {
    if (on) this.hidden.add(repo.toLowerCase());
    else this.hidden.delete(repo.toLowerCase());
  }

  isPrivate(repo: string): boolean {
    return this.hidden.has(repo.toLowerCase());
  }

  /** The user's role: admin for the owner, the granted one, else `pull` on a public repository. */
  roleOf(repo: string, login: string): RepoRole | undefined {
    if (repo.split('/')[0]?.toLowerCase() === login.toLowerCase()) return 'admin';
    return this.roles.get(key(repo, login)) ?? (this.isPrivate(repo) ? undefined : 'pull');
  }

  /** GitHub's `permissions` object for that user. */
  permissionsOf(repo: string, login: string): Record<RepoRole, boolean> {
    const role = this.roleOf(repo, login);
    const rank = role ? ORDER.indexOf(role) : -1;
    return Object.fromEntries(ORDER.map((each, at) => [each, at <= rank])) as Record<RepoRole, boolean>;
  }
}

const key = (repo: string, login: string) => `${repo.toLowerCase()} ${login.toLowerCase()}`;
