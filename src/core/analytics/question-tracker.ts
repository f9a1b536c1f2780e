import type { AnalyticsMessage } from './analytics-message.js';
import type { QuestionRef } from './analytics-report.js';
import { OpenQuestionIndex } from './open-question-index.js';
import type { OpenQuestion, ReplyRelation } from './reply-relation.js';

export interface QuestionTrackerSettings {
  /** A question with no reply from another member within this time is unanswered. */
  unansweredAfterMs: number;
  /** Unanswered questions listed (the newest); all are counted. */
  unansweredListed: number;
  /** Longest text kept for a listed question or a cluster's answer. */
  textLength: number;
}

/** Follows questions to their first reply: answered, unanswered, time to first response, who answers. */
export class QuestionTracker {
  private readonly open = new OpenQuestionIndex();
  private readonly responseMinutes: number[] = [];
  private readonly firstResponders = new Map<string, number>();
  private readonly unansweredNewest: OpenQuestion[] = [];
  total = 0;
  answered = 0;
  unansweredTotal = 0;

  constructor(
    private readonly relation: ReplyRelation,
    private readonly settings: QuestionTrackerSettings,
    private readonly onAnswer: (question: OpenQuestion, reply: AnalyticsMessage) => void = () => undefined,
  ) {}

  /** Every message of the history in time order, so replies after the period still count. */
  observe(message: AnalyticsMessage, isQuestion: boolean): void {
    for (const question of this.open.expireBefore(message.ts - this.settings.unansweredAfterMs)) this.unanswered(question);
    for (const question of this.relation.repliesTo(message, isQuestion, this.open)) this.answer(question, message);
  }

  /** A question of the period; call after `observe` for the same message. */
  ask(message: AnalyticsMessage, clusterId: number | undefined): void {
    this.total++;
    this.open.add({
      messageId: message.id, askerId: message.senderId, askerName: message.senderName, text: message.text, ts: message.ts,
      ...(message.conversationId !== undefined ? { conversationId: message.conversationId } : {}),
      ...(clusterId !== undefined ? { clusterId } : {}),
    });
  }

  /** Questions still open at the end: unanswered when their time ran out by `now`. */
  finish(now: number): void {
    for (const question of this.open.expireBefore(now - this.settings.unansweredAfterMs)) this.unanswered(question);
  }

  medianFirstResponseMinutes(): number | null {
    if (this.responseMinutes.length === 0) return null;
    const sorted = Float64Array.from(this.responseMinutes).sort();
    const middle = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    return Math.round(median * 10) / 10;
  }

  helpers(): { id: string; firstResponses: number }[] {
    return [...this.firstResponders].map(([id, firstResponses]) => ({ id, firstResponses })).sort((a, b) => b.firstResponses - a.firstResponses || (a.id < b.id ? -1 : 1));
  }

  unansweredList(): QuestionRef[] {
    return this.unansweredNewest.map((question) => ({
      id: question.askerId, name: question.askerName, messageId: question.messageId,
      text: question.text.slice(0, this.settings.textLength), ts: new Date(question.ts).toISOString(),
    })).reverse();
  }

  private answer(question: OpenQuestion, reply: AnalyticsMessage): void {
    this.open.close(question);
    this.answered++;
    this.responseMinutes.push((reply.ts - question.ts) / 60_000);
    this.firstResponders.set(reply.senderId, (this.firstResponders.get(reply.senderId) ?? 0) + 1);
    this.onAnswer(question, reply);
  }

  private unanswered(question: OpenQuestion): void {
    this.unansweredTotal++;
    this.unansweredNewest.push(question);
    if (this.unansweredNewest.length > this.settings.unansweredListed) this.unansweredNewest.shift();
  }
}
