import type { Locale } from '../types.js';
import type { ForgeEvent } from './forge-event.js';
import { oneLine, renderHeadline } from './render-headline.js';
import { phrase } from './render-strings.js';

/** What kind of digest: absent for a burst folded into one message, else the period it sums up. */
export interface DigestOptions {
  period?: 'daily' | 'weekly';
}

/** Most event lines in one digest, the "…and N more" line included. */
export const DIGEST_LINES = 10;
/** Longest event line, in code points. */
export const DIGEST_LINE_MAX = 80;

type Group = 'opened' | 'closed' | 'merged';
const GROUPS: readonly Group[] = ['opened', 'closed', 'merged'];

function groupOf(event: ForgeEvent): Group | undefined {
  if (event.feature !== 'issues' && event.feature !== 'pulls') return undefined;
  return GROUPS.find((group) => group === event.action);
}

const rank = (event: ForgeEvent) => {
  const group = groupOf(event);
  return group === undefined ? GROUPS.length : GROUPS.indexOf(group);
};

function header(repo: string, count: number, locale: Locale, options: DigestOptions): string {
  const words = options.period ? phrase(locale, `digest.${options.period}`, { count }) : phrase(locale, count === 1 ? 'digest.headerOne' : 'digest.header', { count });
  return `[${repo}] ${words}`;
}

function countsLine(events: readonly ForgeEvent[], locale: Locale): string | undefined {
  const parts = GROUPS.flatMap((group) => {
    const count = events.filter((event) => groupOf(event) === group).length;
    return count > 0 ? [phrase(locale, `digest.${group}`, { count })] : [];
  });
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function eventLine(event: ForgeEvent, repo: string, locale: Locale): string {
  // An event from another repository says which.
  const prefix = event.repo.toLowerCase() === repo.toLowerCase() ? '· ' : `· [${oneLine(event.repo)}] `;
  return renderHeadline(event, locale, { max: DIGEST_LINE_MAX, prefix });
}

/**
 * Many events of one repository folded into one message: `[owner/repo] 7 条新动态：` then one short
 * line per event, at most {@link DIGEST_LINES} (the last says `…还有 N 条` / `…and N more`). A
 * daily or weekly digest puts opened / closed / merged counts first and lists those events first.
 */
export function renderDigest(repo: string, events: readonly ForgeEvent[], locale: Locale, options: DigestOptions = {}): string {
  const name = oneLine(repo);
  if (events.length === 0) return `[${name}] ${phrase(locale, 'digest.none')}`;
  // Array.prototype.sort is stable: events keep their order within a group.
  const ordered = options.period ? [...events].sort((a, b) => rank(a) - rank(b)) : events;
  const shown = ordered.length > DIGEST_LINES ? ordered.slice(0, DIGEST_LINES - 1) : ordered;
  const counts = options.period ? countsLine(events, locale) : undefined;
  const lines = [header(name, events.length, locale, options), counts, ...shown.map((event) => eventLine(event, name, locale))];
  if (shown.length < ordered.length) lines.push(phrase(locale, 'digest.more', { count: ordered.length - shown.length }));
  return lines.filter((line) => line !== undefined).join('\n');
}
