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
  createIssue(issue: NewIssue): Promise<ForgeIssue>;
  /** The issue created since `since` by this forge account whose body contains `marker`. */
  findIssueByMarker(repo: string, marker: string, since: Date): Promise<ForgeIssue | undefined>;
  /** Open issues of `repo` matching the search terms, best first. */
  searchIssues(repo: string, terms: string[], limit: number): Promise<ForgeIssue[]>;
  /** Where an admin installs the App on a repository, when the forge authenticates as an App. */
  installUrl?(): Promise<string | undefined>;
}
