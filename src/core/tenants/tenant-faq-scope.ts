import { decide } from '../faq/decide.js';
import type { FaqService } from '../faq/faq-service.js';
import type { FaqCandidate } from '../faq/types.js';

const TENANT_ID = /^t(\d+)-/;

/** The tenant an entry belongs to by its id (`t3-…`), or undefined for an entry every room shares. */
export function faqTenantOf(entryId: string): number | undefined {
  const match = TENANT_ID.exec(entryId);
  return match ? Number(match[1]) : undefined;
}

/** Whether a room of tenant `roomTenant` (null: none) may see the entry: the shared entries and its own tenant's. */
export function visibleInRoom(entryId: string, roomTenant: number | null): boolean {
  const owner = faqTenantOf(entryId);
  return owner === undefined || owner === roomTenant;
}

/**
 * `faq.ask` limited to what a room may hear: the shared entries and its own tenant's, never another
 * tenant's. The decision (threshold, margin) is taken again over what is left.
 */
export function askInRoom(faq: Pick<FaqService, 'ask' | 'settings'>, text: string, roomTenant: number | null): { match: FaqCandidate | null; candidates: FaqCandidate[] } {
  const asked = faq.ask(text);
  const candidates = asked.candidates.filter((candidate) => visibleInRoom(candidate.id, roomTenant));
  if (candidates.length === asked.candidates.length) return asked;
  return { match: decide(candidates, faq.settings), candidates };
}
