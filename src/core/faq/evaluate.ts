import { decide } from './decide.js';
import type { FaqCandidate, FaqSettings } from './types.js';

/** One query's outcome: what was expected, what ranked first, what the bot decided. */
export interface FaqEvalCase {
  /** The entry that answers the query, or null when the bot should stay silent. */
  expected: string | null;
  /** The best-ranked entry, answered or not. */
  top: string | null;
  /** The entry answered with, or null for silence. */
  decided: string | null;
}

/** Quality of FAQ decisions over a query set; rates are NaN when their denominator is 0. */
export interface FaqEvalMetrics {
  queries: number;
  answerable: number;
  unanswerable: number;
  answered: number;
  /** Share of queries whose decision is exactly right (the expected entry, or silence). */
  decisionAccuracy: number;
  /** Share of answerable queries whose expected entry ranked first. */
  top1Accuracy: number;
  /** Share of answers that were the expected entry. */
  precision: number;
  /** Share of answerable queries answered with the expected entry. */
  recall: number;
  /** Share of unanswerable queries that got an answer anyway. */
  falseAnswerRate: number;
}

const rate = (part: number, whole: number): number => (whole === 0 ? Number.NaN : part / whole);

/** Computes decision, ranking and answer metrics (pure; the CLI and the eval script share it). */
export function evaluate(cases: readonly FaqEvalCase[]): FaqEvalMetrics {
  let answerable = 0, answered = 0, right = 0, correctAnswers = 0, top1 = 0, falseAnswers = 0;
  for (const item of cases) {
    if (item.expected !== null) answerable++;
    if (item.decided !== null) answered++;
    if (item.decided === item.expected) right++;
    if (item.decided !== null && item.decided === item.expected) correctAnswers++;
    if (item.expected !== null && item.top === item.expected) top1++;
    if (item.expected === null && item.decided !== null) falseAnswers++;
  }
  const unanswerable = cases.length - answerable;
  return {
    queries: cases.length,
    answerable,
    unanswerable,
    answered,
    decisionAccuracy: rate(right, cases.length),
    top1Accuracy: rate(top1, answerable),
    precision: rate(correctAnswers, answered),
    recall: rate(correctAnswers, answerable),
    falseAnswerRate: rate(falseAnswers, unanswerable),
  };
}

/** A query's expected entry and the candidates the index returned for it. */
export interface FaqSearched {
  expected: string | null;
  candidates: readonly FaqCandidate[];
}

/** Decides every searched query under `settings` and evaluates the decisions. */
export function evaluateSearched(searched: readonly FaqSearched[], settings: FaqSettings): FaqEvalMetrics {
  return evaluate(
    searched.map(({ expected, candidates }) => ({
      expected,
      top: candidates[0]?.id ?? null,
      decided: decide(candidates, settings)?.id ?? null,
    })),
  );
}

/** Latency percentiles (nearest rank) of the given durations in milliseconds. */
export function latencySummary(durations: readonly number[]): { p50: number; p99: number; max: number; mean: number } {
  if (durations.length === 0) return { p50: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] as number, mean };
}
