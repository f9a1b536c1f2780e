import type { Analyzed } from './analyzer.js';
import { isBigram } from './char-ngrams.js';
import type { IndexState } from './index-state.js';
import { bm25Term, type Bm25Shape } from './similarity.js';

/** A query's key of one index, with its count and IDF. */
export interface QueryKey {
  key: string;
  id: number;
  count: number;
  idf: number;
}

/** A query prepared against an index: keys numbered, IDF and self-similarity computed once. */
export interface PreparedQuery {
  terms: QueryKey[];
  grams: QueryKey[];
  bigrams: QueryKey[];
  negated: boolean;
  shape: Bm25Shape;
  /** The query's BM25 against itself: the most a question can score. */
  selfScore: number;
  /** Total IDF of the query's distinct words. */
  termWeight: number;
  /** Norm of the query's IDF-weighted n-gram vector. */
  gramNorm: number;
  /** Squared norms of the query's weighted words and bigrams (scale rough candidate scores). */
  termSelf: number;
  bigramSelf: number;
}

function keys(counts: ReadonlyMap<string, number>, id: (key: string) => number, idf: (id: number) => number): QueryKey[] {
  return [...counts].map(([key, count]) => {
    const keyId = id(key);
    return { key, id: keyId, count, idf: idf(keyId) };
  });
}

/** Numbers the query's words and n-grams in `state` and computes what every score needs. */
export function prepareQuery(state: IndexState, query: Analyzed, params: { k1: number; b: number }): PreparedQuery {
  const shape = { k1: params.k1, b: params.b, avgLength: state.live === 0 ? 1 : state.totalLength / state.live };
  const terms = keys(query.terms, (key) => state.terms.id(key), (id) => state.termIdf.get(id));
  const grams = keys(query.grams, (key) => state.grams.id(key), (id) => state.gramIdf.get(id));
  const bigrams = grams.filter((gram) => gram.id >= 0 && isBigram(gram.key));
  const selfScore = terms.reduce((sum, term) => sum + bm25Term(term.idf, term.count, query.length, shape), 0);
  const termWeight = terms.reduce((sum, term) => sum + term.idf, 0);
  const gramNorm = Math.sqrt(grams.reduce((sum, gram) => sum + (gram.idf * gram.count) ** 2, 0));
  const termSelf = terms.reduce((sum, term) => sum + (term.idf * term.count) ** 2, 0);
  const bigramSelf = bigrams.reduce((sum, gram) => sum + (gram.idf * gram.count) ** 2, 0);
  return { terms, grams, bigrams, negated: query.negated, shape, selfScore, termWeight, gramNorm, termSelf, bigramSelf };
}
