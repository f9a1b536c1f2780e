import type { FaqSearched } from './evaluate.js';
import type { FaqIndex } from './types.js';

/** A query searched for evaluation, with how long the search took. */
export interface FaqTimedSearch extends FaqSearched {
  text: string;
  /** Milliseconds spent in `index.search`. */
  ms: number;
}

/** Searches every query once (decisions can then be swept without searching again). */
export function searchAll(
  index: FaqIndex,
  queries: readonly { text: string; expected: string | null }[],
  k = 5,
  clock: () => number = () => performance.now(),
): FaqTimedSearch[] {
  return queries.map(({ text, expected }) => {
    const start = clock();
    const candidates = index.search(text, k);
    return { text, expected, candidates, ms: clock() - start };
  });
}
