/** Per-question running sums for one query, reset by clearing only the questions touched. */
export interface Accumulators {
  /** Dot product of the query's and the question's IDF-weighted words. */
  words: Float64Array;
  /** Dot product of the query's and the question's IDF-weighted bigrams. */
  bigrams: Float64Array;
  /** Questions with a non-zero sum, each once. */
  touched: number[];
  /** Grows the arrays to hold `size` questions (only while cleared). */
  reserve(size: number): void;
  /** Records that a question's sums are in use. */
  touch(doc: number): void;
  /** Zeroes the touched questions' sums, ready for the next query. */
  clear(): void;
}

/** Creates empty accumulators (one set per index: searches are synchronous). */
export function createAccumulators(): Accumulators {
  const seen = { flags: new Uint8Array(0) };
  const acc: Accumulators = {
    words: new Float64Array(0),
    bigrams: new Float64Array(0),
    touched: [],
    reserve(size) {
      if (size <= seen.flags.length) return;
      const length = Math.max(size, seen.flags.length * 2, 1024);
      [acc.words, acc.bigrams] = [new Float64Array(length), new Float64Array(length)];
      seen.flags = new Uint8Array(length);
    },
    touch(doc) {
      if (seen.flags[doc] === 1) return;
      seen.flags[doc] = 1;
      acc.touched.push(doc);
    },
    clear() {
      for (const doc of acc.touched) {
        acc.words[doc] = acc.bigrams[doc] = 0;
        seen.flags[doc] = 0;
      }
      acc.touched.length = 0;
    },
  };
  return acc;
}
