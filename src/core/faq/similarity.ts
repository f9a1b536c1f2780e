/** Inverse document frequency as in BM25; never negative, highest for unseen keys. */
export function idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** BM25 parameters and the collection's average document length. */
export interface Bm25Shape {
  k1: number;
  b: number;
  avgLength: number;
}

/** One term's BM25 contribution for a term seen `tf` times in a document of `length` words. */
export function bm25Term(weight: number, tf: number, length: number, shape: Bm25Shape): number {
  const norm = shape.k1 * (1 - shape.b + (shape.b * length) / Math.max(shape.avgLength, 1));
  return (weight * tf * (shape.k1 + 1)) / (tf + norm);
}
