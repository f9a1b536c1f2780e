import type { Segmenter } from '../../search/segment.js';
import type { FaqExplained } from './rerank.js';

/** One FAQ: its paraphrased questions share one answer. */
export interface FaqEntry {
  /** Stable id chosen by the store. Adding an id again replaces the entry. */
  id: string;
  /** The question and its paraphrases; each is matched on its own, the best one counts. */
  questions: string[];
  answer: string;
  url?: string;
  /** Subtracted from this entry's scores (0–1), e.g. for an entry that answered wrongly before. */
  penalty?: number;
}

/** An entry that may answer a query, through its best-matching question. */
export interface FaqCandidate {
  id: string;
  /** The entry's question that matched best. */
  question: string;
  /** Similarity in [0, 1]; 1 is the same question after normalisation. */
  score: number;
  answer: string;
  url?: string;
}

/** How much each similarity counts in a candidate's score; they are normalised to sum to 1. */
export interface FaqWeights {
  /** BM25 over words, divided by the query's score against itself (query coverage). */
  bm25: number;
  /** IDF-weighted Dice over word sets: both sides' words must be matched. */
  words: number;
  /** IDF-weighted cosine over character unigrams and bigrams: rescues typos and short texts. */
  chars: number;
}

/** Tuning knobs of the engine; the defaults suit short chat questions. */
export interface FaqParams {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation. */
  b: number;
  /** Questions re-scored exactly, taken from the inverted indexes. */
  candidates: number;
  /**
   * Words and bigrams in more than this share of questions (and more than `candidates`) do not
   * generate candidates; they still count in the scores.
   */
  maxShare: number;
  /** Multiplies the score when one side is negated (不/没/无法…) and the other is not. */
  negationFactor: number;
}

/** Everything `createFaqIndex` needs. */
export interface FaqIndexOptions {
  segmenter: Segmenter;
  /** Groups of interchangeable words, canonical form first. Default: `DEFAULT_SYNONYMS`. */
  synonyms?: readonly (readonly string[])[];
  /** Words ignored when matching. Default: `DEFAULT_STOP_WORDS`. */
  stopWords?: Iterable<string>;
  weights?: Partial<FaqWeights>;
  params?: Partial<FaqParams>;
  /** Re-scores the best candidates; default: `DEFAULT_RERANK_MODEL`; null: the blend is the score. */
  reranker?: FaqRerankModel | null;
}

/** Weights of a logistic model: its output is 1 / (1 + e^-(bias + Σ weights·features)). */
export interface FaqLogistic {
  bias: number;
  weights: readonly number[];
}

/**
 * Two logistic models over `PAIR_FEATURES`: `ranker` orders the engine's best candidates by how
 * likely each is the answer; `decider` (the same features plus the ranker's output) gives the
 * confidence that is compared with `faq.threshold`.
 */
export interface FaqRerankModel {
  /** Feature names, in the order of the weights (checked against `PAIR_FEATURES`). */
  features: readonly string[];
  ranker: FaqLogistic;
  decider: FaqLogistic;
}

/** An in-memory FAQ matcher. */
export interface FaqIndex {
  /** Adds an entry, or replaces the entry with the same id. */
  add(entry: FaqEntry): void;
  /** Removes an entry; returns whether it was there. */
  remove(id: string): boolean;
  /** The entry with this id, if any. */
  get(id: string): FaqEntry | undefined;
  /** Number of entries. */
  readonly size: number;
  /** Up to `k` entries that may answer `text`, best first, one per entry. */
  search(text: string, k?: number): FaqCandidate[];
  /** The reranker's input for the engine's best `depth` entries (for fitting and explaining). */
  explain(text: string, depth?: number): FaqExplained[];
}

/** When the bot answers: the best candidate must be good enough and clearly ahead. */
export interface FaqSettings {
  /** Lowest score answered. */
  threshold: number;
  /** Lowest lead of the best candidate over the next one with a different answer. */
  margin: number;
}
