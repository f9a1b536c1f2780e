import type { StoredFaqEntry } from './faq-entry.js';
import { decide } from './decide.js';
import type { FaqCandidate, FaqIndex, FaqSettings } from './types.js';

export interface FaqServiceSettings extends FaqSettings {
  /** The same entry is not answered again in a room within this time. */
  cooldownMs: number;
}

/** The knowledge base as the bot uses it: an in-memory index kept in step with the store. */
export interface FaqService {
  readonly settings: FaqServiceSettings;
  ask(text: string): { match: FaqCandidate | null; candidates: FaqCandidate[] };
  /** Adds or replaces an entry in the index (after the store has it). */
  put(entry: StoredFaqEntry): void;
  remove(id: string): void;
  /** Catches up with entries other processes changed (see faq-reload.ts); absent: the index is all there is. */
  refresh?(): Promise<void>;
}

// Each not-helpful vote beyond the helpful ones lowers the entry a little, up to a limit.
const penaltyOf = (entry: Pick<StoredFaqEntry, 'helpful' | 'notHelpful'>) => Math.min(0.3, Math.max(0, entry.notHelpful - entry.helpful) * 0.05);

export function createFaqService(index: FaqIndex, settings: FaqServiceSettings, entries: readonly StoredFaqEntry[] = []): FaqService {
  const put = (entry: StoredFaqEntry) =>
    index.add({ id: entry.id, questions: entry.questions, answer: entry.answer, ...(entry.url ? { url: entry.url } : {}), penalty: penaltyOf(entry) });
  entries.forEach(put);
  return {
    settings,
    ask(text) {
      const candidates = index.search(text, 5);
      return { match: decide(candidates, settings), candidates };
    },
    put,
    remove: (id) => void index.remove(id),
  };
}
