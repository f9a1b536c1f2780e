import type { IndexState } from './index-state.js';
import type { SearchHits } from './faq-search.js';
import { pairFeatures, PAIR_FEATURES } from './pair-features.js';
import type { QuestionShape } from './question-shape.js';
import type { FaqCandidate, FaqLogistic, FaqRerankModel } from './types.js';

/** How many of the engine's best entries the reranker re-scores. */
export const RERANK_DEPTH = 10;

/** One hit's reranker input, for fitting and explaining. */
export interface FaqExplained {
  id: string;
  question: string;
  /** The engine's blended similarity, before reranking. */
  blend: number;
  /** In the order of `PAIR_FEATURES`. */
  features: number[];
}

/** The features of every hit. */
export function explainHits(state: IndexState, found: SearchHits, shape: QuestionShape): FaqExplained[] {
  const { query, hits } = found;
  if (query === undefined) return [];
  return hits.map(({ doc, base }) => ({ id: doc.entry.id, question: doc.question, blend: base.blend, features: pairFeatures(state, query, shape, doc, base) }));
}

/** The logistic model's output for one feature vector. */
export function logistic(model: FaqLogistic, features: readonly number[]): number {
  let logit = model.bias;
  for (let i = 0; i < model.weights.length; i++) logit += (model.weights[i] as number) * (features[i] ?? 0);
  return 1 / (1 + Math.exp(-logit));
}

const WORDS = PAIR_FEATURES.indexOf('words');
const NEGATION_DIFFERS = PAIR_FEATURES.indexOf('negationDiffers');

/**
 * The ranker's and the decider's outputs for one hit. The same question after normalisation
 * scores 1, and the same words in another order (negated alike) at least their blend: in a real
 * FAQ they are the answer whatever the model, fitted on hard look-alikes, makes of them.
 */
export function rerankScores(model: FaqRerankModel, hit: Pick<FaqExplained, 'blend' | 'features'>): { rank: number; confidence: number } {
  if (hit.blend >= 1) return { rank: 1, confidence: 1 };
  const rank = logistic(model.ranker, hit.features);
  const confidence = logistic(model.decider, [...hit.features, rank]);
  const sameWords = hit.features[WORDS] === 1 && hit.features[NEGATION_DIFFERS] === 0;
  return sameWords ? { rank: Math.max(rank, hit.blend), confidence: Math.max(confidence, hit.blend) } : { rank, confidence };
}

const clamp = (value: number): number => Math.min(1, Math.max(0, Math.round(value * 1e9) / 1e9));

/**
 * The hits as answers, best first, lowered by their entries' penalties. With a model they are
 * ordered by the ranker and scored by the decider, each score capped by the one before so the
 * list stays best first; without one the blend does both.
 */
export function rankHits(state: IndexState, found: SearchHits, shape: QuestionShape, model: FaqRerankModel | null, k: number): FaqCandidate[] {
  const explained = model === null ? found.hits.map((hit) => ({ blend: hit.base.blend, features: [] })) : explainHits(state, found, shape);
  const scored = found.hits.map(({ doc }, i) => {
    const hit = explained[i] as Pick<FaqExplained, 'blend' | 'features'>;
    const { rank, confidence } = model === null ? { rank: hit.blend, confidence: hit.blend } : rerankScores(model, hit);
    const penalty = doc.entry.penalty ?? 0;
    return { doc, rank: rank - penalty, confidence: clamp(confidence - penalty) };
  });
  scored.sort((a, b) => b.rank - a.rank || a.doc.entry.id.localeCompare(b.doc.entry.id));
  let cap = 1;
  return scored.slice(0, k).map(({ doc, confidence }) => {
    cap = Math.min(cap, confidence);
    const { id, answer, url } = doc.entry;
    return { id, question: doc.question, score: cap, answer, ...(url === undefined ? {} : { url }) };
  });
}
