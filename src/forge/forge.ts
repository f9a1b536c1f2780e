export interface ForgeIssue {
  number: number;
  url: string;
  title: string;
  state?: string;
}

export interface NewIssue {
  /** owner/name */
  repo: string;
  title: string;
  body: string;
  labels: string[];
}

/**
 * A code forge (GitHub today). Methods throw OsschatError with a `forge-*` code:
 * `forge-unavailable` and `forge-rate-limited` are retryable, the others need a person.
 */
export interface Forge {
  readonly name: string;
  /** How long after a creation request began the forge may still carry it out, its answer lost (a killed process, a timeout). */
  readonly lateWriteMs?: number;
  createIssue(issue: NewIssue): Promise<ForgeIssue>;
  /** Issues (not pull requests) this forge account opened in `repo` since `since`, newest first, with their bodies. */
  recentIssuesByMe(repo: string, since: Date): Promise<(ForgeIssue & { body: string })[]>;
  /** Adds a comment to issue or PR `number`; returns the comment's web address. */
  addComment(repo: string, number: number, body: string): Promise<{ url: string }>;
  /** Comments this forge account wrote on issue or PR `number` since `since`, with their bodies. */
  recentCommentsByMe(repo: string, number: number, since: Date): Promise<{ url: string; body: string }[]>;
  /** Open issues of `repo` matching the search terms, best first. */
  searchIssues(repo: string, terms: string[], limit: number): Promise<ForgeIssue[]>;
  /** Where an admin installs the App on a repository, when the forge authenticates as an App. */
  installUrl?(): Promise<string | undefined>;
}
