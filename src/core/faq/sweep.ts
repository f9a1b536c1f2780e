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

/**
 * The most accurate settings whose false-answer rate stays at or under `maxFalseAnswerRate`
 * (precision first: silence is cheaper than a wrong answer); ties go to the stricter settings.
 */
export function chooseSettings(rows: readonly FaqSweepRow[], maxFalseAnswerRate: number): FaqSweepRow | undefined {
  const allowed = rows.filter((row) => !(row.metrics.falseAnswerRate > maxFalseAnswerRate));
  const key = (row: FaqSweepRow): number[] => [row.metrics.decisionAccuracy, row.threshold, row.margin];
  return allowed.reduce<FaqSweepRow | undefined>((best, row) => {
    if (best === undefined) return row;
    const [a, b] = [key(row), key(best)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) > (b[i] as number) ? row : best;
    return best;
  }, undefined);
}
