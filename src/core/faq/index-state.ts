import type { Analyzed } from './analyzer.js';
import { createIdfCache, type IdfCache } from './idf-cache.js';
import { createPostings, type Postings } from './postings.js';
import type { QuestionShape } from './question-shape.js';
import type { FaqEntry } from './types.js';

/** One indexed question of an entry, its words and n-grams as key numbers. */
export interface IndexedQuestion {
  entry: FaqEntry;
  question: string;
  terms: Int32Array;
  termCounts: Float64Array;
  length: number;
  grams: Int32Array;
  gramCounts: Float64Array;
  negated: boolean;
  shape: QuestionShape;
  /** Sums that depend on IDF, valid while `cachedAt` equals the index version. */
  cachedAt: number;
  termWeight: number;
  gramNorm: number;
}

/** The index's data: questions by number, and inverted indexes over their words and n-grams. */
export interface IndexState {
  entries: Map<string, { entry: FaqEntry; docs: number[] }>;
  /** Questions by number; removed ones leave a hole (numbers are never reused). */
  docs: (IndexedQuestion | undefined)[];
  terms: Postings;
  grams: Postings;
  termIdf: IdfCache;
  gramIdf: IdfCache;
  totalLength: number;
  /** Number of live questions. */
  live: number;
  /** Bumped on every change, so cached IDF-dependent values know they are stale. */
  version: number;
}

/** An empty index. */
export function createIndexState(): IndexState {
  const [terms, grams] = [createPostings(), createPostings()];
  const base = { entries: new Map(), docs: [], terms, grams, totalLength: 0, live: 0, version: 0 };
  return Object.assign(base, { termIdf: createIdfCache(terms, base), gramIdf: createIdfCache(grams, base) });
}

function toKeys(postings: Postings, counts: ReadonlyMap<string, number>): [Int32Array, Float64Array] {
  const keys = Int32Array.from(counts.keys(), (key) => postings.id(key, true));
  return [keys, Float64Array.from(counts.values())];
}

function indexQuestion(state: IndexState, entry: FaqEntry, question: string, analyzed: Analyzed): number {
  const [terms, termCounts] = toKeys(state.terms, analyzed.terms);
  const [grams, gramCounts] = toKeys(state.grams, analyzed.grams);
  const doc = state.docs.length;
  const { length, negated, shape } = analyzed;
  const cache = { cachedAt: -1, termWeight: 0, gramNorm: 0 };
  state.docs.push({ entry, question, terms, termCounts, length, grams, gramCounts, negated, shape, ...cache });
  state.terms.add(doc, terms, termCounts);
  state.grams.add(doc, grams, gramCounts);
  state.totalLength += length;
  state.live++;
  return doc;
}

/** Indexes each question of the entry (replacing an entry with the same id). */
export function addEntry(state: IndexState, entry: FaqEntry, analyze: (text: string) => Analyzed): void {
  removeEntry(state, entry.id);
  const docs: number[] = [];
  for (const question of new Set(entry.questions)) {
    const analyzed = analyze(question);
    if (analyzed.length > 0 || analyzed.grams.size > 0) docs.push(indexQuestion(state, entry, question, analyzed));
  }
  state.entries.set(entry.id, { entry, docs });
  state.version++;
}

/** Removes the entry's questions from every index; returns whether it was there. */
export function removeEntry(state: IndexState, id: string): boolean {
  const found = state.entries.get(id);
  if (found === undefined) return false;
  const isLive = (doc: number): boolean => state.docs[doc] !== undefined;
  for (const doc of found.docs) {
    const indexed = state.docs[doc];
    if (indexed === undefined) continue;
    state.docs[doc] = undefined;
    state.terms.remove(indexed.terms, isLive);
    state.grams.remove(indexed.grams, isLive);
    state.totalLength -= indexed.length;
    state.live--;
  }
  state.entries.delete(id);
  state.version++;
  return true;
}

/** Refreshes a question's IDF-dependent sums: its words' total IDF, its n-gram vector's norm. */
export function refresh(state: IndexState, doc: IndexedQuestion): IndexedQuestion {
  if (doc.cachedAt === state.version) return doc;
  let termWeight = 0;
  for (const term of doc.terms) termWeight += state.termIdf.get(term);
  let norm = 0;
  doc.grams.forEach((gram, i) => (norm += (state.gramIdf.get(gram) * (doc.gramCounts[i] as number)) ** 2));
  Object.assign(doc, { cachedAt: state.version, termWeight, gramNorm: Math.sqrt(norm) });
  return doc;
}
