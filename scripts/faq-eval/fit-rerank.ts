import { rerankScores } from '../../src/core/faq/rerank.js';
import type { FaqRerankModel } from '../../src/core/faq/types.js';
import { fitLogistic } from './logistic.js';

/** One candidate of one tuning query, as the reranker sees it. */
export interface TrainingRow {
  query: number;
  answerable: boolean;
  /** Whether this candidate is the expected entry. */
  expected: boolean;
  blend: number;
  features: number[];
}

/**
 * Queries whose label contradicts a KB question identical to them (after normalisation): the
 * engine answers those with the identical question by rule, and learning from them would teach
 * the model that near-identical questions are suspicious.
 */
function contradicted(rows: readonly TrainingRow[]): Set<number> {
  return new Set(rows.filter((row) => row.blend >= 1 && !row.expected).map((row) => row.query));
}

/** How many of each query's best candidates by the ranker the decider learns from. */
const DECIDER_DEPTH = 3;

/** Each query's best `depth` rows by `rank`, with their places (0 = first). */
function topRows(rows: readonly TrainingRow[], rank: (row: TrainingRow) => number, depth: number): { row: TrainingRow; place: number }[] {
  const byQuery = new Map<number, TrainingRow[]>();
  for (const row of rows) byQuery.set(row.query, [...(byQuery.get(row.query) ?? []), row]);
  return [...byQuery.values()].flatMap((list) =>
    list.sort((a, b) => rank(b) - rank(a)).slice(0, depth).map((row, place) => ({ row, place })),
  );
}

/**
 * Fits the ranker on every candidate, then the decider on each query's best few by the ranker
 * (the best alone would leave it guessing on weak candidates, as in a small knowledge base).
 * A first candidate that is wrong for an answerable query is left out: it is mostly another
 * entry asking the same thing, neither a right answer nor a look-alike.
 */
export function fitRerank(all: readonly TrainingRow[], names: readonly string[], l2: number): FaqRerankModel {
  const skip = contradicted(all);
  const rows = all.filter((row) => !skip.has(row.query));
  const ranker = fitLogistic({ rows: rows.map((row) => row.features), labels: rows.map((row) => Number(row.expected)) }, l2);
  const partial: FaqRerankModel = { features: names, ranker, decider: { bias: 0, weights: [] } };
  const rankOf = (row: TrainingRow): number => rerankScores(partial, row).rank;
  const tops = topRows(rows, rankOf, DECIDER_DEPTH)
    .filter(({ row, place }) => place > 0 || row.expected || !row.answerable)
    .map(({ row }) => row);
  const decider = fitLogistic({ rows: tops.map((row) => [...row.features, rankOf(row)]), labels: tops.map((row) => Number(row.expected)) }, l2);
  return { features: names, ranker, decider };
}
