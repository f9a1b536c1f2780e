import { describe, expect, it } from 'vitest';
import { chooseSettings, evaluate, evaluateSearched, latencySummary, sweepSettings, type FaqCandidate } from '../../src/core/faq/index.js';

describe('evaluate', () => {
  it('computes the metrics of a small hand-checked example', () => {
    const metrics = evaluate([
      { expected: 'a', top: 'a', decided: 'a' }, // right answer
      { expected: 'b', top: 'b', decided: null }, // right entry ranked first, but silent
      { expected: 'c', top: 'x', decided: 'x' }, // wrong answer
      { expected: null, top: 'y', decided: null }, // rightly silent
      { expected: null, top: 'z', decided: 'z' }, // false answer
    ]);
    expect(metrics).toEqual({
      queries: 5,
      answerable: 3,
      unanswerable: 2,
      answered: 3,
      decisionAccuracy: 2 / 5,
      top1Accuracy: 2 / 3,
      precision: 1 / 3,
      recall: 1 / 3,
      falseAnswerRate: 1 / 2,
    });
  });

  it('gives NaN for rates without a denominator', () => {
    const metrics = evaluate([{ expected: null, top: null, decided: null }]);
    expect(metrics.decisionAccuracy).toBe(1);
    expect(metrics.precision).toBeNaN();
    expect(metrics.top1Accuracy).toBeNaN();
  });
});

const c = (id: string, score: number): FaqCandidate => ({ id, question: id, score, answer: id });
const searched = [
  { expected: 'a', candidates: [c('a', 0.95), c('b', 0.5)] },
  { expected: 'b', candidates: [c('b', 0.85), c('a', 0.84)] },
  { expected: null, candidates: [c('a', 0.82)] },
  { expected: null, candidates: [c('b', 0.6)] },
];

describe('evaluateSearched and sweeps', () => {
  it('decides each query under the settings before scoring', () => {
    expect(evaluateSearched(searched, { threshold: 0.8, margin: 0 }).decisionAccuracy).toBe(3 / 4);
    expect(evaluateSearched(searched, { threshold: 0.8, margin: 0.05 }).decisionAccuracy).toBe(2 / 4);
    expect(evaluateSearched(searched, { threshold: 0.9, margin: 0 }).falseAnswerRate).toBe(0);
  });

  it('sweeps every pair and chooses the most careful settings among the most accurate', () => {
    const rows = sweepSettings(searched, [0.8, 0.83, 0.9], [0, 0.05]);
    expect(rows).toHaveLength(6);
    const chosen = chooseSettings(rows, { maxFalseAnswerRate: 0.5, tolerance: 0 });
    expect(chosen).toMatchObject({ threshold: 0.83, margin: 0 });
    expect(chosen?.metrics.decisionAccuracy).toBe(1);
    expect(chooseSettings(rows, { maxFalseAnswerRate: -1 })).toBeUndefined();
  });
});

describe('latencySummary', () => {
  it('reports nearest-rank percentiles', () => {
    const durations = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latencySummary(durations)).toEqual({ p50: 50, p99: 99, max: 100, mean: 50.5 });
    expect(latencySummary([]).p50).toBeNaN();
  });
});
