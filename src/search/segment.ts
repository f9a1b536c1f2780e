import { isWordToken, latinWords, normalizeText, splitScripts } from './normalize.js';

/** Splits text into words. Implementations fold width and case first (see `normalizeText`). */
export interface Segmenter {
  /** The words of `text`, in order, without spaces or punctuation. */
  segment(text: string): string[];
}

/** Cuts one run of non-Latin text (Chinese, mostly) into words. */
export type CutRun = (run: string) => string[];

/**
 * A segmenter that keeps Latin words whole and hands every other run to `cut`; with no `cut`
 * each Chinese character is a word (a dependency-free fallback, good enough for tests).
 */
export function createSegmenter(cut: CutRun = (run) => [...run]): Segmenter {
  return {
    segment(text) {
      const words: string[] = [];
      for (const run of splitScripts(normalizeText(text))) {
        const cutWords = run.latin ? latinWords(run.text) : cut(run.text);
        for (const word of cutWords) if (isWordToken(word)) words.push(word.trim());
      }
      return words;
    },
  };
}
