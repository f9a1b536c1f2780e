import type { Accumulators } from './accumulators.js';
import type { Analyzed } from './analyzer.js';
import { refresh, type IndexState, type IndexedQuestion } from './index-state.js';
import type { Postings } from './postings.js';
import { prepareQuery, type PreparedQuery, type QueryKey } from './query.js';
import { bm25Term } from './similarity.js';
import { topN } from './top-n.js';
import type { BaseSimilarity } from './pair-features.js';
import type { FaqParams, FaqWeights } from './types.js';

/** An entry's best question for a query and how the engine's blend scored it. */
export interface ScoredQuestion {
  doc: IndexedQuestion;
  base: BaseSimilarity;
}

/** The prepared query (none when it has no words) and its best questions, one per entry. */
export interface SearchHits {
  query: PreparedQuery | undefined;
  hits: ScoredQuestion[];
}

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

/** The blend of BM25 coverage, word Dice and n-gram cosine (negation lowers it), with its parts. */
function blendScore(doc: IndexedQuestion, query: PreparedQuery, parts: [number, number, number], blend: FaqWeights, params: FaqParams): BaseSimilarity {
  const [bm25, shared, dot] = parts;
  const coverage = query.selfScore === 0 ? 0 : Math.min(1, bm25 / query.selfScore);
  const total = query.termWeight + doc.termWeight;
  const words = total === 0 ? 0 : Math.min(1, (2 * shared) / total);
  const norms = query.gramNorm * doc.gramNorm;
  const chars = norms === 0 ? 0 : Math.min(1, dot / norms);
  let score = blend.bm25 * coverage + blend.words * words + blend.chars * chars;
  if (query.negated !== doc.negated) score *= params.negationFactor;
  // Rounded so that the same question scores exactly 1 despite floating-point sums.
  return { blend: Math.min(1, Math.max(0, Math.round(score * 1e9) / 1e9)), coverage, words, chars };
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

/** Scores the candidates exactly and keeps each entry's best question. */
function scoreCandidates(state: IndexState, scratch: SearchScratch, query: PreparedQuery, blend: FaqWeights, params: FaqParams): ScoredQuestion[] {
  const best = new Map<string, ScoredQuestion>();
  for (const id of candidates(state, scratch.acc, query, params)) {
    const doc = refresh(state, state.docs[id] as IndexedQuestion);
    const base = blendScore(doc, query, overlap(state, doc, query, scratch), blend, params);
    if ((best.get(doc.entry.id)?.base.blend ?? -1) >= base.blend) continue;
    best.set(doc.entry.id, { doc, base });
  }
  return [...best.values()].sort((a, b) => b.base.blend - a.base.blend || a.doc.entry.id.localeCompare(b.doc.entry.id));
}

/** Up to `depth` entries for the analysed query by the engine's blend, best first, one per entry. */
export function searchIndex(state: IndexState, scratch: SearchScratch, analyzed: Analyzed, depth: number, blend: FaqWeights, params: FaqParams): SearchHits {
  if (state.live === 0 || (analyzed.length === 0 && analyzed.grams.size === 0)) return { query: undefined, hits: [] };
  const query = prepareQuery(state, analyzed, params);
  setQuery(scratch, state, query, true);
  try {
    return { query, hits: scoreCandidates(state, scratch, query, blend, params).slice(0, depth) };
  } finally {
    setQuery(scratch, state, query, false);
    scratch.acc.clear();
  }
}
