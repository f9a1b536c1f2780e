import type { Analyzed } from './analyzer.js';
import { isBigram } from './char-ngrams.js';
import { weights, type IndexState, type IndexedQuestion } from './index-state.js';
import { bm25, bm25Term, weightedCosine, weightedDice, type Bm25Shape } from './similarity.js';
import { topN } from './top-n.js';
import type { FaqCandidate, FaqParams, FaqWeights } from './types.js';

/** What scoring one query needs, computed once per query. */
interface QueryContext {
  query: Analyzed;
  shape: Bm25Shape;
  weight: ReturnType<typeof weights>;
  /** The query's BM25 against itself: the most a question can score. */
  selfScore: number;
  blend: FaqWeights;
  params: FaqParams;
}

function context(state: IndexState, query: Analyzed, blend: FaqWeights, params: FaqParams): QueryContext {
  const avgLength = state.docs.size === 0 ? 1 : state.totalLength / state.docs.size;
  const shape = { k1: params.k1, b: params.b, avgLength };
  const weight = weights(state);
  const selfScore = bm25(query.terms, query.terms, query.length, weight.term, shape);
  return { query, shape, weight, selfScore, blend, params };
}

/** BM25 of every question sharing a word with the query, from the word index. */
function bm25Scores(state: IndexState, ctx: QueryContext): Map<number, number> {
  const scores = new Map<number, number>();
  for (const term of ctx.query.terms.keys()) {
    const postings = state.terms.get(term);
    if (postings === undefined) continue;
    const w = ctx.weight.term(term);
    for (const [doc, tf] of postings) {
      const length = state.docs.get(doc)?.length ?? 0;
      scores.set(doc, (scores.get(doc) ?? 0) + bm25Term(w, tf, length, ctx.shape));
    }
  }
  return scores;
}

/** Weighted shared bigrams of every question sharing a bigram with the query. */
function bigramScores(state: IndexState, ctx: QueryContext): Map<number, number> {
  const scores = new Map<number, number>();
  for (const gram of ctx.query.grams.keys()) {
    if (!isBigram(gram)) continue;
    const postings = state.grams.get(gram);
    if (postings === undefined) continue;
    const w = ctx.weight.gram(gram);
    for (const doc of postings.keys()) scores.set(doc, (scores.get(doc) ?? 0) + w);
  }
  return scores;
}

/** Questions worth scoring exactly: the best of each index. */
function candidateDocs(state: IndexState, ctx: QueryContext): Set<number> {
  const n = ctx.params.candidates;
  const docs = new Set(topN(bm25Scores(state, ctx), n));
  for (const doc of topN(bigramScores(state, ctx), n)) docs.add(doc);
  return docs;
}

/** The blended similarity of one question to the query, in [0, 1]. */
function scoreQuestion(doc: IndexedQuestion, ctx: QueryContext): number {
  const { query, blend, weight } = ctx;
  const coverage = ctx.selfScore === 0 ? 0 : Math.min(1, bm25(query.terms, doc.terms, doc.length, weight.term, ctx.shape) / ctx.selfScore);
  const words = weightedDice(query.terms, doc.terms, weight.term);
  const chars = weightedCosine(query.grams, doc.grams, weight.gram);
  let score = blend.bm25 * coverage + blend.words * words + blend.chars * chars;
  if (query.negated !== doc.negated) score *= ctx.params.negationFactor;
  return Math.min(1, Math.max(0, score - (doc.entry.penalty ?? 0)));
}

/** Scores the candidate questions and keeps each entry's best, best entries first. */
export function searchIndex(state: IndexState, query: Analyzed, k: number, blend: FaqWeights, params: FaqParams): FaqCandidate[] {
  if (state.docs.size === 0 || (query.length === 0 && query.grams.size === 0)) return [];
  const ctx = context(state, query, blend, params);
  const best = new Map<string, FaqCandidate>();
  for (const docId of candidateDocs(state, ctx)) {
    const doc = state.docs.get(docId);
    if (doc === undefined) continue;
    const score = scoreQuestion(doc, ctx);
    const { id, answer, url } = doc.entry;
    if ((best.get(id)?.score ?? -1) >= score) continue;
    best.set(id, url === undefined ? { id, question: doc.question, score, answer } : { id, question: doc.question, score, answer, url });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, k);
}
