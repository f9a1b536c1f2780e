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

/** BM25 of a document for the query terms, given the document's counts and length. */
export function bm25(query: ReadonlyMap<string, number>, doc: ReadonlyMap<string, number>, length: number, weight: (term: string) => number, shape: Bm25Shape): number {
  let score = 0;
  for (const term of query.keys()) {
    const tf = doc.get(term);
    if (tf !== undefined) score += bm25Term(weight(term), tf, length, shape);
  }
  return score;
}

/** IDF-weighted Dice over the two key sets: 1 when both hold the same keys. */
export function weightedDice(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, weight: (key: string) => number): number {
  let shared = 0;
  let total = 0;
  for (const key of a.keys()) {
    const w = weight(key);
    total += w;
    if (b.has(key)) shared += w;
  }
  for (const key of b.keys()) total += weight(key);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Cosine of the two count vectors, each count scaled by its key's weight. */
export function weightedCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, weight: (key: string) => number): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, count] of a) {
    const w = weight(key) * count;
    normA += w * w;
    const other = b.get(key);
    if (other !== undefined) dot += w * weight(key) * other;
  }
  for (const [key, count] of b) normB += (weight(key) * count) ** 2;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
