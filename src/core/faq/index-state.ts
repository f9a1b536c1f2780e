import type { Analyzed } from './analyzer.js';
import { createPostings, type Postings } from './postings.js';
import { idf } from './similarity.js';
import type { FaqEntry } from './types.js';

/** One indexed question of an entry. */
export interface IndexedQuestion extends Analyzed {
  entry: FaqEntry;
  question: string;
}

/** The index's data: questions by number, and inverted indexes over their words and n-grams. */
export interface IndexState {
  entries: Map<string, { entry: FaqEntry; docs: number[] }>;
  docs: Map<number, IndexedQuestion>;
  terms: Postings;
  grams: Postings;
  totalLength: number;
  nextDoc: number;
}

/** An empty index. */
export function createIndexState(): IndexState {
  return { entries: new Map(), docs: new Map(), terms: createPostings(), grams: createPostings(), totalLength: 0, nextDoc: 0 };
}

/** Indexes each question of the entry (replacing an entry with the same id). */
export function addEntry(state: IndexState, entry: FaqEntry, analyze: (text: string) => Analyzed): void {
  removeEntry(state, entry.id);
  const docs: number[] = [];
  for (const question of new Set(entry.questions)) {
    const analyzed = analyze(question);
    if (analyzed.length === 0 && analyzed.grams.size === 0) continue;
    const doc = state.nextDoc++;
    state.docs.set(doc, { ...analyzed, entry, question });
    state.terms.add(doc, analyzed.terms);
    state.grams.add(doc, analyzed.grams);
    state.totalLength += analyzed.length;
    docs.push(doc);
  }
  state.entries.set(entry.id, { entry, docs });
}

/** Removes the entry's questions from every index; returns whether it was there. */
export function removeEntry(state: IndexState, id: string): boolean {
  const found = state.entries.get(id);
  if (found === undefined) return false;
  for (const doc of found.docs) {
    const indexed = state.docs.get(doc);
    if (indexed === undefined) continue;
    state.terms.remove(doc, indexed.terms);
    state.grams.remove(doc, indexed.grams);
    state.totalLength -= indexed.length;
    state.docs.delete(doc);
  }
  state.entries.delete(id);
  return true;
}

/** IDF of a word and of an n-gram under the index's current contents, memoised per query. */
export function weights(state: IndexState): { term: (key: string) => number; gram: (key: string) => number } {
  const n = state.docs.size;
  const memo = (postings: Postings): ((key: string) => number) => {
    const cache = new Map<string, number>();
    return (key) => {
      let value = cache.get(key);
      if (value === undefined) cache.set(key, (value = idf(postings.df(key), n)));
      return value;
    };
  };
  return { term: memo(state.terms), gram: memo(state.grams) };
}
