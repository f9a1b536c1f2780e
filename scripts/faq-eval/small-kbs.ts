import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateSearched, type FaqEvalMetrics, type FaqIndex, type FaqSearched, type FaqSettings } from '../../src/core/faq/index.js';
import { readQueries } from '../../src/core/faq/read-queries.js';
import { readKb } from './read-kb.js';

/** What an evaluated engine must offer: OSSChat's index, or the baseline's linear scan. */
export type SmallKbIndex = Pick<FaqIndex, 'add' | 'search' | 'size'>;

/** One small knowledge base searched with its own queries on a fresh index. */
export interface SearchedSet {
  name: string;
  entries: number;
  searched: FaqSearched[];
}

/** Metrics pooled over the queries of some sets (SOURCE.md pools queries, not per-set averages). */
export interface PooledRow {
  group: string;
  sets: string[];
  metrics: FaqEvalMetrics;
}

/** `bq4` → `bq`: the corpus a set was cut from. */
export const familyOf = (name: string): string => name.replace(/\d+$/, '');

/** Indexes `DIR/NAME/kb.csv` on a new index and searches `DIR/NAME/queries.jsonl` against it. */
export function searchSet(dir: string, name: string, createIndex: () => SmallKbIndex): SearchedSet {
  const kb = readKb(readFileSync(join(dir, name, 'kb.csv'), 'utf8'));
  const read = readQueries(readFileSync(join(dir, name, 'queries.jsonl'), 'utf8'));
  const problems = [...kb.skipped, ...read.skipped];
  // A set that loses rows would silently change the pooled figures: refuse instead.
  if (problems.length > 0) throw new Error(`${join(dir, name)}: ${problems.length} unreadable rows (first: line ${problems[0]?.line}, ${problems[0]?.reason})`);
  const index = createIndex();
  for (const entry of kb.entries) index.add(entry);
  const searched = read.queries.map(({ text, expected }) => ({ expected, candidates: index.search(text, 5) }));
  return { name, entries: index.size, searched };
}

/** Pooled metrics over all sets, then per corpus family, under one decision setting. */
export function poolByFamily(sets: readonly SearchedSet[], settings: FaqSettings): PooledRow[] {
  const families = [...new Set(sets.map((set) => familyOf(set.name)))];
  const groups: [string, SearchedSet[]][] = [['all', [...sets]], ...families.map((f): [string, SearchedSet[]] => [f, sets.filter((s) => familyOf(s.name) === f)])];
  return groups.map(([group, members]) => ({
    group,
    sets: members.map((set) => set.name),
    metrics: evaluateSearched(members.flatMap((set) => set.searched), settings),
  }));
}
