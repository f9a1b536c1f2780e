import type { ForgeEvent } from '../core/notify/forge-event.js';

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

/** Where polling a repository's events stopped; kept in the store, so a restart neither repeats nor misses. */
export interface EventCursor {
  /** The forge's entity tag of the last answer: sent back, an unchanged list costs no rate limit. */
  etag?: string;
  /** The newest event seen ('0' when the repository had none). */
  lastEventId: string;
}

/** One poll of a repository's events. */
export interface EventPoll {
  /** False when the forge said nothing changed since the cursor. */
  changed: boolean;
  /** What happened since the cursor, oldest first, in the shape webhooks give. */
  events: ForgeEvent[];
  /** Where the next poll starts. */
  cursor?: EventCursor;
  /** The forge's least wait before this repository is polled again (GitHub: X-Poll-Interval). */
  minIntervalMs?: number;
  /** The credentials' rate limit is used up: nothing may be polled before this. */
  rateLimitedUntil?: Date;
  /** More happened since the cursor than the forge lists: some events were never seen. */
  gap?: boolean;
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
  /**
   * What happened in `repo` since `cursor`, by a conditional request. Without a cursor (a repository
   * polled for the first time), only events created at or after `since` are news: the rest is history.
   */
  pollEvents?(repo: string, cursor: EventCursor | undefined, since: Date): Promise<EventPoll>;
}
