import { evaluateSearched, type FaqEvalMetrics, type FaqSearched } from './evaluate.js';
import type { FaqSettings } from './types.js';

/** Metrics of one threshold/margin pair. */
export interface FaqSweepRow extends FaqSettings {
  metrics: FaqEvalMetrics;
}

/** Evaluates every threshold × margin pair on queries searched once. */
export function sweepSettings(searched: readonly FaqSearched[], thresholds: readonly number[], margins: readonly number[]): FaqSweepRow[] {
  return thresholds.flatMap((threshold) =>
    margins.map((margin) => ({ threshold, margin, metrics: evaluateSearched(searched, { threshold, margin }) })),
  );
}

/** How `chooseSettings` trades accuracy for silence. */
export interface ChooseCriteria {
  /** Settings answering more unanswerable queries than this share are never chosen. */
  maxFalseAnswerRate: number;
  /** Accuracy given up for fewer false answers; default: one standard error of the best accuracy. */
  tolerance?: number;
}

/**
 * Precision-first choice: among settings under the false-answer cap, those within `tolerance`
 * of the best decision accuracy; of these, the one with the fewest false answers, then the
 * widest margin, then the highest threshold.
 */
export function chooseSettings(rows: readonly FaqSweepRow[], criteria: ChooseCriteria): FaqSweepRow | undefined {
  const allowed = rows.filter((row) => !(row.metrics.falseAnswerRate > criteria.maxFalseAnswerRate));
  const best = Math.max(...allowed.map((row) => row.metrics.decisionAccuracy));
  if (!Number.isFinite(best)) return undefined;
  const queries = allowed[0]?.metrics.queries ?? 1;
  const tolerance = criteria.tolerance ?? Math.sqrt((best * (1 - best)) / queries);
  const near = allowed.filter((row) => row.metrics.decisionAccuracy >= best - tolerance);
  const order = (a: FaqSweepRow, b: FaqSweepRow): number =>
    a.metrics.falseAnswerRate - b.metrics.falseAnswerRate || b.margin - a.margin || b.threshold - a.threshold;
  return near.sort(order)[0];
}
