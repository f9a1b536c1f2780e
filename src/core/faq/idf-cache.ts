import type { Postings } from './postings.js';
import { idf } from './similarity.js';

/** IDF of each key of an index, recomputed lazily after the index changes. */
export interface IdfCache {
  /** IDF of key number `key` (-1: an unseen key, which gets the highest IDF). */
  get(key: number): number;
}

/** Creates a cache over `postings`; `version` and `docs` describe the index's current state. */
export function createIdfCache(postings: Postings, state: { version: number; live: number }): IdfCache {
  let values = new Float64Array(1024);
  let stamps = new Int32Array(1024);
  const grow = (size: number): void => {
    let length = values.length;
    while (length < size) length *= 2;
    const [oldValues, oldStamps] = [values, stamps];
    [values, stamps] = [new Float64Array(length), new Int32Array(length)];
    values.set(oldValues);
    stamps.set(oldStamps);
  };
  return {
    get(key) {
      if (key < 0) return idf(0, state.live);
      if (key >= values.length) grow(postings.keys);
      if (stamps[key] !== state.version + 1) {
        values[key] = idf(postings.df(key), state.live);
        stamps[key] = state.version + 1;
      }
      return values[key] as number;
    },
  };
}
