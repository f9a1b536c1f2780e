import { createAnalyzer } from '../faq/analyzer.js';
import { looksLikeQuestion } from '../faq/looks-like-question.js';
import { counts, type AnalyticsMessage } from './analytics-message.js';
import type { AnalyticsReport } from './analytics-report.js';
import { DEFAULT_LIMITS, type AnalysisSettings, type ReportLimits } from './analysis-settings.js';
import { BoundedCounts } from './bounded-counts.js';
import { KeywordCounter, trendWindows } from './keyword-counter.js';
import { createKeywordTerms } from './keyword-terms.js';
import { MemberCounter } from './member-counter.js';
import { findMentions } from './mentions.js';
import { inPeriod } from './period.js';
import { DEFAULT_CLUSTER_SETTINGS, QuestionClusterer } from './question-clusterer.js';
import { QuestionTracker } from './question-tracker.js';
import { defaultReplyRelation } from './reply-relation.js';
import { buildReport } from './build-report.js';
import { VolumeCounter } from './volume-counter.js';

const DAY_MS = 86_400_000;

/** One pass over a room's history, in time order, holding counters only (and the period's questions). */
export class RoomAnalysis {
  readonly limits: ReportLimits;
  readonly volume = new VolumeCounter();
  readonly members = new MemberCounter();
  readonly keywords: KeywordCounter;
  readonly links = new BoundedCounts(50_000);
  readonly repos = new BoundedCounts(50_000);
  readonly issues = new BoundedCounts(50_000);
  readonly clusters: QuestionClusterer;
  readonly questions: QuestionTracker;
  first: number | undefined;
  last: number | undefined;
  private readonly terms: (text: string) => string[];

  constructor(readonly settings: AnalysisSettings) {
    this.limits = { ...DEFAULT_LIMITS, ...settings.limits };
    const { period, historyEnd } = settings;
    this.keywords = new KeywordCounter(trendWindows(period.start, period.end ?? (historyEnd === undefined ? undefined : historyEnd + 1)));
    this.terms = createKeywordTerms(settings.segmenter);
    const analyzer = createAnalyzer({ segmenter: settings.segmenter });
    const threshold = settings.clusterThreshold ?? DEFAULT_CLUSTER_SETTINGS.threshold;
    this.clusters = new QuestionClusterer(analyzer, { ...DEFAULT_CLUSTER_SETTINGS, threshold, examples: this.limits.examples });
    const tracker = { unansweredAfterMs: settings.unansweredAfterMs ?? DAY_MS, unansweredListed: this.limits.unanswered, textLength: 500 };
    this.questions = new QuestionTracker(settings.replyRelation ?? defaultReplyRelation(), tracker, (question, reply) => {
      if (question.clusterId !== undefined) this.clusters.answer(question.clusterId, reply.text.slice(0, 500));
    });
  }

  add(message: AnalyticsMessage): void {
    if (!counts(message)) return;
    const counted = inPeriod(message.ts, this.settings.period);
    const slot = this.settings.clock.slot(message.ts);
    this.members.add(message.senderId, message.senderName, slot.day, counted);
    const isText = message.kind === 'text' && message.text.length > 0;
    this.keywords.add(isText ? this.terms(message.text) : [], message.ts, counted);
    const isQuestion = isText && looksLikeQuestion(message.text);
    this.questions.observe(message, isQuestion);
    if (!counted) return;
    this.first ??= message.ts;
    this.last = message.ts;
    this.volume.add(slot);
    if (isText) this.addMentions(message.text);
    if (isQuestion) this.questions.ask(message, this.clusters.add(message.text));
  }

  report(): AnalyticsReport {
    this.questions.finish(this.settings.now ?? Date.now());
    return buildReport(this);
  }

  private addMentions(text: string): void {
    if (!text.includes('/') && !text.includes('#')) return;
    const found = findMentions(text, this.settings.room.repo);
    for (const link of found.links) this.links.add(link);
    for (const repo of found.repos) this.repos.add(repo);
    for (const issue of found.issues) this.issues.add(issue);
  }
}

/** Analyses a room's messages (in time order) into the report. */
export async function analyzeMessages(messages: AsyncIterable<AnalyticsMessage> | Iterable<AnalyticsMessage>, settings: AnalysisSettings): Promise<AnalyticsReport> {
  const analysis = new RoomAnalysis(settings);
  for await (const message of messages) analysis.add(message);
  return analysis.report();
}
