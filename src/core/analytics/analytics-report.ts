/** A member as the report names them: the platform id and the display name. */
export interface MemberRef {
  id: string;
  name: string;
}

export interface QuestionRef extends MemberRef {
  /** Platform message id of the question. */
  messageId: string;
  text: string;
  /** ISO 8601 time of the question. */
  ts: string;
}

export interface QuestionCluster {
  count: number;
  /** Up to `limits.examples` distinct wordings, oldest first. */
  examples: string[];
  /** The words the wordings share (after synonyms), for a title. */
  terms: string[];
  /** The first reply another member gave to one of them, when there was one. */
  answer?: string;
}

/** `osschat analyze --json`: schema version 1, documented in the README. Field order is stable. */
export interface AnalyticsReport {
  schemaVersion: 1;
  room: { id: string; name: string };
  period: { since: string | null; until: string | null; timeZone: string; first: string | null; last: string | null };
  totals: { messages: number; members: number; newcomers: number; questions: number; days: number };
  /** Every local day from the first to the last message of the period, zero days included. */
  days: { date: string; messages: number }[];
  /** ISO weeks (named by their Monday) from the first to the last message of the period. */
  weeks: { week: string; messages: number; members: number; newcomers: number }[];
  /** heatmap[weekday][hour]: weekday 0 = Monday, hours 0–23 in the report's time zone. */
  heatmap: number[][];
  members: (MemberRef & { messages: number; firstSeen: string })[];
  /** Who gave the first reply to questions, most first. */
  helpers: (MemberRef & { firstResponses: number })[];
  keywords: { term: string; score: number; count: number }[];
  trending: { term: string; count: number; previous: number }[];
  links: { url: string; count: number }[];
  repos: { repo: string; count: number }[];
  issues: { ref: string; count: number }[];
  questions: {
    total: number;
    answered: number;
    unansweredTotal: number;
    medianFirstResponseMinutes: number | null;
    clusters: QuestionCluster[];
    unanswered: QuestionRef[];
  };
}
