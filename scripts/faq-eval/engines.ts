import { createFaqIndex, DEFAULT_FAQ_SETTINGS, type FaqIndex, type FaqSettings } from '../../src/core/faq/index.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';
import { createSegmenter } from '../../src/search/segment.js';

/** An engine under evaluation: how to build its index, and its own answer settings. */
export interface EvalEngine {
  /** A new, empty index. */
  create(): FaqIndex;
  /** Its answer settings unless --threshold/--margin say otherwise. */
  settings: FaqSettings;
}

/**
 * The engines compared: OSSChat's matcher with its defaults, and the SOURCE.md baseline
 * (character unigram+bigram TF-IDF cosine, top-1, silent under 0.75) rebuilt on the same index.
 */
export const ENGINES: Record<'osschat' | 'baseline', EvalEngine> = {
  osschat: { create: () => createFaqIndex({ segmenter: createJiebaSegmenter() }), settings: DEFAULT_FAQ_SETTINGS },
  baseline: {
    create: () =>
      createFaqIndex({
        segmenter: createSegmenter(),
        synonyms: [],
        stopWords: [],
        weights: { bm25: 0, words: 0, chars: 1 },
        params: { negationFactor: 1 },
        reranker: null,
      }),
    settings: { threshold: 0.75, margin: 0 },
  },
};
