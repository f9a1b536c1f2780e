import type { FaqEvalMetrics, FaqSweepRow } from '../../src/core/faq/index.js';

const pct = (value: number): string => (Number.isNaN(value) ? '  n/a' : value.toFixed(3));

/** The metrics as aligned `name value` lines. */
export function formatMetrics(metrics: FaqEvalMetrics, latency: { p50: number; p99: number }): string {
  const rows: [string, string][] = [
    ['queries', `${metrics.queries} (${metrics.answerable} answerable, ${metrics.unanswerable} not)`],
    ['answered', String(metrics.answered)],
    ['decision accuracy', pct(metrics.decisionAccuracy)],
    ['top-1 accuracy (answerable)', pct(metrics.top1Accuracy)],
    ['precision', pct(metrics.precision)],
    ['recall', pct(metrics.recall)],
    ['false answers (unanswerable)', pct(metrics.falseAnswerRate)],
    ['search latency p50 / p99', `${latency.p50.toFixed(3)} ms / ${latency.p99.toFixed(3)} ms`],
  ];
  return rows.map(([name, value]) => `${name.padEnd(30)}${value}`).join('\n');
}

/** The sweep as a table, one threshold/margin pair a line. */
export function formatSweep(rows: readonly FaqSweepRow[]): string {
  const head = 'threshold margin  decision  precision  recall  false-ans  answered';
  const lines = rows.map(({ threshold, margin, metrics: m }) =>
    [threshold.toFixed(2).padStart(9), margin.toFixed(2).padStart(6), pct(m.decisionAccuracy).padStart(9),
      pct(m.precision).padStart(10), pct(m.recall).padStart(7), pct(m.falseAnswerRate).padStart(10),
      String(m.answered).padStart(9)].join(' '),
  );
  return [head, ...lines].join('\n');
}
