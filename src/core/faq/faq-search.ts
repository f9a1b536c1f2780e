import type { Accumulators } from './accumulators.js';
import type { Analyzed } from './analyzer.js';
import { refresh, type IndexState, type IndexedQuestion } from './index-state.js';
import type { Postings } from './postings.js';
import { prepareQuery, type PreparedQuery, type QueryKey } from './query.js';
import { bm25Term } from './similarity.js';
import { topN } from './top-n.js';
import type { FaqCandidate, FaqParams, FaqWeights } from './types.js';

/** Reusable buffers of one index (searches are synchronous, so one set suffices). */
export interface SearchScratch {
  acc: Accumulators;
  /** The query's word IDF by word number, zero elsewhere. */
  queryTerms: Float64Array;
  /** The query's weighted n-grams by n-gram number, zero elsewhere. */
  queryGrams: Float64Array;
}

/** Keys held by a large share of the index are left out of candidate generation (not scoring). */
function selective(keys: QueryKey[], postings: Postings, limit: number): QueryKey[] {
  const known = keys.filter((key) => key.id >= 0);
  const rare = known.filter((key) => postings.df(key.id) <= limit);
  return rare.length > 0 ? rare : known;
}

/** Adds `weight × count` to `into` for every live question in the keys' posting lists. */
function accumulate(state: IndexState, acc: Accumulators, postings: Postings, keys: QueryKey[], into: Float64Array): void {
  for (const key of keys) {
    const list = postings.list(key.id);
    if (list === undefined) continue;
    const weight = key.idf * key.idf * key.count;
    for (let i = 0; i < list.docs.length; i++) {
      const doc = list.docs[i] as number;
      if (state.docs[doc] === undefined) continue;
      acc.touch(doc);
      into[doc] = (into[doc] as number) + weight * (list.counts[i] as number);
    }
  }
}

/** Word and n-gram overlap of one question with the query: [BM25, shared word IDF, n-gram dot]. */
function overlap(state: IndexState, doc: IndexedQuestion, query: PreparedQuery, scratch: SearchScratch): [number, number, number] {
  let [bm25, shared, dot] = [0, 0, 0];
  for (let i = 0; i < doc.terms.length; i++) {
    const weight = scratch.queryTerms[doc.terms[i] as number] as number;
    if (weight === 0) continue;
    shared += weight;
    bm25 += bm25Term(weight, doc.termCounts[i] as number, doc.length, query.shape);
  }
  for (let i = 0; i < doc.grams.length; i++) {
    const gram = doc.grams[i] as number;
    const weight = scratch.queryGrams[gram] as number;
    if (weight !== 0) dot += weight * state.gramIdf.get(gram) * (doc.gramCounts[i] as number);
  }
  return [bm25, shared, dot];
}

/** The blend of BM25 coverage, word Dice and n-gram cosine, with negation and penalty. */
function blendScore(doc: IndexedQuestion, query: PreparedQuery, parts: [number, number, number], blend: FaqWeights, params: FaqParams): number {
  const [bm25, shared, dot] = parts;
  const coverage = query.selfScore === 0 ? 0 : Math.min(1, bm25 / query.selfScore);
  const total = query.termWeight + doc.termWeight;
  const words = total === 0 ? 0 : Math.min(1, (2 * shared) / total);
  const norms = query.gramNorm * doc.gramNorm;
  const chars = norms === 0 ? 0 : Math.min(1, dot / norms);
  let score = blend.bm25 * coverage + blend.words * words + blend.chars * chars;
  if (query.negated !== doc.negated) score *= params.negationFactor;
  // Rounded so that the same question scores exactly 1 despite floating-point sums.
  return Math.min(1, Math.max(0, Math.round((score - (doc.entry.penalty ?? 0)) * 1e9) / 1e9));
}

function setQuery(scratch: SearchScratch, state: IndexState, query: PreparedQuery, on: boolean): void {
  if (scratch.queryTerms.length < state.terms.keys) scratch.queryTerms = new Float64Array(Math.max(state.terms.keys * 2, 1024));
  if (scratch.queryGrams.length < state.grams.keys) scratch.queryGrams = new Float64Array(Math.max(state.grams.keys * 2, 1024));
  for (const term of query.terms) if (term.id >= 0) scratch.queryTerms[term.id] = on ? term.idf : 0;
  for (const gram of query.grams) if (gram.id >= 0) scratch.queryGrams[gram.id] = on ? gram.idf * gram.count : 0;
}

/** Questions sharing selective words or bigrams with the query, the most overlapping first. */
function candidates(state: IndexState, acc: Accumulators, query: PreparedQuery, params: FaqParams): number[] {
  acc.reserve(state.docs.length);
  const limit = Math.max(state.live * params.maxShare, params.candidates);
  accumulate(state, acc, state.terms, selective(query.terms, state.terms, limit), acc.words);
  accumulate(state, acc, state.grams, selective(query.bigrams, state.grams, limit), acc.bigrams);
  const [wordSelf, gramSelf] = [query.termSelf || 1, query.bigramSelf || 1];
  return topN(acc.touched, (doc) => (acc.words[doc] as number) / wordSelf + (acc.bigrams[doc] as number) / gramSelf, params.candidates);
}

/** Scores the candidates exactly and keeps each entry's best. */
function scoreCandidates(state: IndexState, scratch: SearchScratch, query: PreparedQuery, blend: FaqWeights, params: FaqParams): Map<string, FaqCandidate> {
  const best = new Map<string, FaqCandidate>();
  for (const id of candidates(state, scratch.acc, query, params)) {
    const doc = refresh(state, state.docs[id] as IndexedQuestion);
    const score = blendScore(doc, query, overlap(state, doc, query, scratch), blend, params);
    const { id: entryId, answer, url } = doc.entry;
    if ((best.get(entryId)?.score ?? -1) >= score) continue;
    best.set(entryId, { id: entryId, question: doc.question, score, answer, ...(url === undefined ? {} : { url }) });
  }
  return best;
}

/** Up to `k` entries for the analysed query, best first, one per entry. */
export function searchIndex(state: IndexState, scratch: SearchScratch, analyzed: Analyzed, k: number, blend: FaqWeights, params: FaqParams): FaqCandidate[] {
  if (state.live === 0 || (analyzed.length === 0 && analyzed.grams.size === 0)) return [];
  const query = prepareQuery(state, analyzed, params);
  setQuery(scratch, state, query, true);
  try {
    const best = scoreCandidates(state, scratch, query, blend, params);
    return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, k);
  } finally {
    setQuery(scratch, state, query, false);
    scratch.acc.clear();
  }
}
