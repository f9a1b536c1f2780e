import type { CommentRecord, IssueRecord } from './state.js';

/** What a pull request looks like in the fake: an issue of the shared number space, plus its merge state. */
export interface PullRecord extends IssueRecord {
  merged: boolean;
  mergedAt: string | null;
  head: string;
  base: string;
}

export interface ReleaseRecord {
  id: number;
  repo: string;
  tagName: string;
  name: string | null;
  body: string | null;
  user: string;
  createdAt: string;
  publishedAt: string;
}

/** One item of the repository events API, kept as the records were when it happened. */
export type EventRecord = { id: string; repo: string; actor: string; createdAt: string } & (
  | { type: 'IssuesEvent'; action: 'opened' | 'closed' | 'reopened'; issue: IssueRecord }
  | { type: 'IssueCommentEvent'; action: 'created'; issue: IssueRecord; comment: CommentRecord }
  | { type: 'PullRequestEvent'; action: 'opened' | 'closed' | 'reopened'; pull: PullRecord }
  | { type: 'ReleaseEvent'; action: 'published'; release: ReleaseRecord }
);

/** An event as recorded, before it has an id and a time. */
export type NewEvent = EventRecord extends infer E ? (E extends EventRecord ? Omit<E, 'id' | 'createdAt'> : never) : never;

// GitHub's event ids are large growing decimal numbers, sent as strings.
const FIRST_ID = 41_000_000_001n;

/**
 * The fake's events API feed: what issues, comments, pull requests and releases did, newest first
 * when listed, and the X-Poll-Interval it advertises (GitHub: 60 s; 0 leaves the header out).
 */
export class EventLog {
  private events: EventRecord[] = [];
  private nextId = FIRST_ID;
  pollIntervalSeconds: number;

  constructor(private readonly initialPollIntervalSeconds = 60) {
    this.pollIntervalSeconds = initialPollIntervalSeconds;
  }

  reset(): void {
    this.events = [];
    this.nextId = FIRST_ID;
    this.pollIntervalSeconds = this.initialPollIntervalSeconds;
  }

  /** Records an event with a snapshot of its records (later changes do not rewrite history). */
  record(event: NewEvent, at: string): EventRecord {
    const recorded = { ...structuredClone(event), id: String(this.nextId++), createdAt: at } as EventRecord;
    this.events.push(recorded);
    return recorded;
  }

  /** A repository's events, newest first, as GitHub lists them. */
  of(repo: string): EventRecord[] {
    return this.events.filter((event) => event.repo.toLowerCase() === repo.toLowerCase()).reverse();
  }
}
