import { normalizeText } from '../../search/normalize.js';
import type { Segmenter } from '../../search/segment.js';
import { foldForMatching } from '../text/fold-for-matching.js';
import { charNgrams } from './char-ngrams.js';
import { questionShape, type QuestionShape } from './question-shape.js';
import { DEFAULT_STOP_WORDS } from './stop-words.js';
import { createTokenMapper, DEFAULT_SYNONYMS } from './synonyms.js';

/** A text as the matcher sees it. */
export interface Analyzed {
  /** Canonical words (synonyms mapped, stop words dropped) with their counts. */
  terms: Map<string, number>;
  /** Number of canonical words, repeats included. */
  length: number;
  /** Character unigrams and bigrams of the canonical words, joined. */
  grams: Map<string, number>;
  /** Whether the text is negated (不, 没, 无法…), which flips most questions' intent. */
  negated: boolean;
  /** Characters, question kinds and numbers, compared by the reranker. */
  shape: QuestionShape;
}

/** Words that negate; 不同, 不错 and the like are single words and so not among them. */
const NEGATIONS = new Set([
  '不', '没', '没有', '不是', '不会', '不要', '不能', '不用', '别', '未', '非', '无', '不该', '不想', '没法',
  '无法', '不了', '不可以', '没办法', '不行', "don't", 'not', 'no', 'never', 'cannot', "can't", "doesn't", "isn't",
]);

function counts(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of words) map.set(word, (map.get(word) ?? 0) + 1);
  return map;
}

/** Creates the analyzer shared by indexing and querying, so both sides are cut alike. */
export function createAnalyzer(options: {
  segmenter: Segmenter;
  synonyms?: readonly (readonly string[])[];
  stopWords?: Iterable<string>;
}): (text: string) => Analyzed {
  // Folded alike on both sides: a question asked in Traditional Chinese finds an entry written in Simplified.
  const segment = (text: string): string[] => options.segmenter.segment(normalizeText(foldForMatching(text)));
  const map = createTokenMapper(options.synonyms ?? DEFAULT_SYNONYMS, options.stopWords ?? DEFAULT_STOP_WORDS, segment);
  return (text) => {
    const tokens = segment(text);
    const words = map(tokens);
    return {
      terms: counts(words),
      length: words.length,
      grams: charNgrams(words.join('')),
      negated: tokens.some((token) => NEGATIONS.has(token)),
      shape: questionShape(words),
    };
  };
}
