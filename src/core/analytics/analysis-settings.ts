import type { Segmenter } from '../../search/segment.js';
import type { Period } from './period.js';
import type { ReplyRelation } from './reply-relation.js';
import type { ZoneClock } from './zone-clock.js';

/** How long lists in the report may be; everything is counted whatever the limits. */
export interface ReportLimits {
  keywords: number;
  trending: number;
  links: number;
  clusters: number;
  examples: number;
  unanswered: number;
  helpers: number;
}

export const DEFAULT_LIMITS: ReportLimits = { keywords: 50, trending: 20, links: 20, clusters: 30, examples: 3, unanswered: 50, helpers: 20 };

export interface AnalysisSettings {
  room: { id: string; name: string; repo?: string | null };
  clock: ZoneClock;
  period: Period;
  segmenter: Segmenter;
  /** Time of the room's newest message: ends the trend windows when the period is open-ended. */
  historyEnd?: number;
  /** The time unanswered questions are judged at (default: now). */
  now?: number;
  /** Default: quotes, @-mentions, and the next message by someone else within 10 minutes. */
  replyRelation?: ReplyRelation;
  /** Default 24 hours. */
  unansweredAfterMs?: number;
  /** Similarity from which questions are near-duplicates (default 0.5). */
  clusterThreshold?: number;
  limits?: Partial<ReportLimits>;
}
