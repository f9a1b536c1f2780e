import type { FaqEntry } from '../../src/core/faq/index.js';
import type { EvalQuery } from '../../src/core/faq/read-queries.js';

const key = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Queries whose text is, up to case, width and punctuation, a question of a KB entry other than
 * the expected one: any matcher that answers an exact question is marked wrong on them, so they
 * are reported apart (they are still counted in the main metrics).
 */
export function labelConflicts(entries: readonly FaqEntry[], queries: readonly EvalQuery[]): Set<EvalQuery> {
  const owners = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const question of entry.questions) owners.set(key(question), (owners.get(key(question)) ?? new Set()).add(entry.id));
  }
  return new Set(
    queries.filter((query) => {
      const ids = owners.get(key(query.text));
      return ids !== undefined && (query.expected === null || !ids.has(query.expected));
    }),
  );
}
