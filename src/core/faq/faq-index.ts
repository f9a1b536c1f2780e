import { createAccumulators } from './accumulators.js';
import { createAnalyzer } from './analyzer.js';
import { searchIndex } from './faq-search.js';
import { addEntry, createIndexState, removeEntry } from './index-state.js';
import { PAIR_FEATURES } from './pair-features.js';
import { explainHits, rankHits, RERANK_DEPTH } from './rerank.js';
import { DEFAULT_RERANK_MODEL } from './rerank-model.js';
import type { FaqIndex, FaqIndexOptions, FaqParams, FaqRerankModel, FaqWeights } from './types.js';

/** How the similarities are blended by default; other blends tried on lcqmc-dev's tuning half did no better. */
export const DEFAULT_FAQ_WEIGHTS: Readonly<FaqWeights> = { bm25: 0.3, words: 0.3, chars: 0.4 };

/** Engine defaults for short chat questions. */
export const DEFAULT_FAQ_PARAMS: Readonly<FaqParams> = { k1: 1.2, b: 0.5, candidates: 100, maxShare: 0.05, negationFactor: 0.8 };

function normaliseWeights(weights: Partial<FaqWeights> = {}): FaqWeights {
  const merged = { ...DEFAULT_FAQ_WEIGHTS, ...weights };
  const total = merged.bm25 + merged.words + merged.chars;
  if (!(total > 0)) throw new RangeError('FAQ weights must sum to more than 0');
  return { bm25: merged.bm25 / total, words: merged.words / total, chars: merged.chars / total };
}

function checkedModel(model: FaqRerankModel | null | undefined): FaqRerankModel | null {
  if (model === undefined) return DEFAULT_RERANK_MODEL;
  if (model !== null && model.features.join() !== PAIR_FEATURES.join()) throw new RangeError('FAQ rerank model was fitted on other features');
  return model;
}

/**
 * Creates an in-memory FAQ index: BM25 over segmented words (synonyms mapped, stop words dropped)
 * blended with IDF-weighted word overlap and character n-gram similarity. Candidates come from
 * inverted indexes, so a search never scans every entry.
 */
export function createFaqIndex(options: FaqIndexOptions): FaqIndex {
  const analyze = createAnalyzer(options);
  const blend = normaliseWeights(options.weights);
  const params: FaqParams = { ...DEFAULT_FAQ_PARAMS, ...options.params };
  const reranker = checkedModel(options.reranker);
  const state = createIndexState();
  const scratch = { acc: createAccumulators(), queryTerms: new Float64Array(0), queryGrams: new Float64Array(0) };
  return {
    add: (entry) => addEntry(state, { ...entry, questions: [...entry.questions] }, analyze),
    remove: (id) => removeEntry(state, id),
    get: (id) => state.entries.get(id)?.entry,
    get size() {
      return state.entries.size;
    },
    search(text, k = 5) {
      const analyzed = analyze(text);
      return rankHits(state, searchIndex(state, scratch, analyzed, Math.max(k, RERANK_DEPTH), blend, params), analyzed.shape, reranker, k);
    },
    explain(text, depth = RERANK_DEPTH) {
      const analyzed = analyze(text);
      return explainHits(state, searchIndex(state, scratch, analyzed, depth, blend, params), analyzed.shape);
    },
  };
}
