/** One key's posting list; removed documents stay in it until it is compacted. */
interface PostingList {
  docs: number[];
  counts: number[];
  /** Live documents holding the key. */
  df: number;
}

/** An inverted index from string keys (words, n-grams) to numbered documents, with counts. */
export interface Postings {
  /** The key's number, creating it when `create` is set; -1 for an unknown key. */
  id(key: string, create?: boolean): number;
  /** Adds a document holding each key (by number) the given number of times. */
  add(doc: number, keys: Int32Array, counts: Float64Array): void;
  /** Forgets the document; `isLive` tells live documents from removed ones when compacting. */
  remove(keys: Int32Array, isLive: (doc: number) => boolean): void;
  /** The key's list; callers skip documents that are no longer live. */
  list(key: number): { docs: readonly number[]; counts: readonly number[] } | undefined;
  /** Number of live documents holding the key (0 for -1). */
  df(key: number): number;
  /** Number of keys ever seen (key numbers are below it). */
  readonly keys: number;
}

/** Creates an empty inverted index. */
export function createPostings(): Postings {
  const ids = new Map<string, number>();
  const lists: PostingList[] = [];
  const compact = (list: PostingList, isLive: (doc: number) => boolean): void => {
    const keep = list.docs.map((doc, i) => (isLive(doc) ? i : -1)).filter((i) => i >= 0);
    list.docs = keep.map((i) => list.docs[i] as number);
    list.counts = keep.map((i) => list.counts[i] as number);
  };
  return {
    id(key, create = false) {
      let id = ids.get(key);
      if (id === undefined && create) ids.set(key, (id = lists.push({ docs: [], counts: [], df: 0 }) - 1));
      return id ?? -1;
    },
    add(doc, keys, counts) {
      keys.forEach((key, i) => {
        const list = lists[key] as PostingList;
        list.docs.push(doc);
        list.counts.push(counts[i] as number);
        list.df++;
      });
    },
    remove(keys, isLive) {
      for (const key of keys) {
        const list = lists[key] as PostingList;
        list.df--;
        if (list.df * 2 < list.docs.length) compact(list, isLive);
      }
    },
    list: (key) => lists[key],
    df: (key) => lists[key]?.df ?? 0,
    get keys() {
      return lists.length;
    },
  };
}
