import type { FaqCandidate, FaqEntry } from '../../src/core/faq/index.js';
import type { SmallKbIndex } from './small-kbs.js';

type Vector = Map<string, number>;

/** Character unigrams and bigrams of the lower-cased letters and digits (punctuation and spaces dropped). */
function grams(text: string): Vector {
  const chars = [...text.toLowerCase()].filter((char) => /[\p{L}\p{N}]/u.test(char));
  const counts: Vector = new Map();
  const bump = (gram: string): void => void counts.set(gram, (counts.get(gram) ?? 0) + 1);
  chars.forEach((char, i) => {
    bump(char);
    if (i + 1 < chars.length) bump(`${char}${chars[i + 1]}`);
  });
  return counts;
}

function normalised(counts: Vector, idf: (gram: string) => number): Vector {
  const weighted: Vector = new Map([...counts].map(([gram, count]) => [gram, count * idf(gram)]));
  const norm = Math.sqrt([...weighted.values()].reduce((sum, w) => sum + w * w, 0));
  return new Map([...weighted].map(([gram, w]) => [gram, norm === 0 ? 0 : w / norm]));
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [gram, w] of a) dot += w * (b.get(gram) ?? 0);
  return dot;
}

interface Question { entry: FaqEntry; text: string; vector: Vector }

function fit(entries: readonly FaqEntry[]): { idf: (gram: string) => number; questions: Question[] } {
  const docs = entries.flatMap((entry) => entry.questions.map((text) => ({ entry, text, counts: grams(text) })));
  const df = new Map<string, number>();
  for (const { counts } of docs) for (const gram of counts.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  // scikit-learn's smooth IDF; a gram in no KB question weighs as if in none.
  const idf = (gram: string): number => Math.log((1 + docs.length) / (1 + (df.get(gram) ?? 0))) + 1;
  return { idf, questions: docs.map(({ entry, text, counts }) => ({ entry, text, vector: normalised(counts, idf) })) };
}

function bestPerEntry(query: Vector, questions: readonly Question[]): FaqCandidate[] {
  const best = new Map<string, FaqCandidate>();
  for (const { entry, text, vector } of questions) {
    const score = cosine(query, vector);
    if (score > (best.get(entry.id)?.score ?? -1)) best.set(entry.id, { id: entry.id, question: text, score, answer: entry.answer });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * The faq-small-dev SOURCE.md baseline as a plain linear scan: character uni+bigram TF-IDF
 * (IDF over this KB's questions, L2-normalised), cosine to every question, best question per entry.
 * Kept apart from the engine so that no engine change can move the baseline.
 */
export function createTfidfBaseline(): SmallKbIndex {
  const entries: FaqEntry[] = [];
  let fitted: ReturnType<typeof fit> | undefined;
  return {
    get size() {
      return entries.length;
    },
    add(entry) {
      entries.push(entry);
      fitted = undefined;
    },
    search(text, k = 5) {
      fitted ??= fit(entries);
      return bestPerEntry(normalised(grams(text), fitted.idf), fitted.questions).slice(0, k);
    },
  };
}
