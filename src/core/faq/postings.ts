/** An inverted index from keys (words, n-grams) to the documents holding them, with counts. */
export interface Postings {
  add(doc: number, counts: ReadonlyMap<string, number>): void;
  remove(doc: number, counts: ReadonlyMap<string, number>): void;
  /** Documents holding `key`, with the key's count in each. */
  get(key: string): ReadonlyMap<number, number> | undefined;
  /** Number of documents holding `key`. */
  df(key: string): number;
}

/** Creates an empty inverted index. */
export function createPostings(): Postings {
  const lists = new Map<string, Map<number, number>>();
  return {
    add(doc, counts) {
      for (const [key, count] of counts) {
        let list = lists.get(key);
        if (list === undefined) lists.set(key, (list = new Map()));
        list.set(doc, count);
      }
    },
    remove(doc, counts) {
      for (const key of counts.keys()) {
        const list = lists.get(key);
        list?.delete(doc);
        if (list?.size === 0) lists.delete(key);
      }
    },
    get: (key) => lists.get(key),
    df: (key) => lists.get(key)?.size ?? 0,
  };
}
