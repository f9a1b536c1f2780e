import { truncateText } from '../issue/truncate-text.js';
import type { Locale } from '../types.js';
import type { ForgeEvent } from './forge-event.js';
import { oneLine, renderHeadline } from './render-headline.js';
import { phrase } from './render-strings.js';
import { stripMarkdown } from './strip-markdown.js';

export { renderDigest, type DigestOptions } from './render-digest.js';

/** Longest first line, in code points. */
export const HEADLINE_MAX = 120;
/** Longest excerpt of the body, in code points. */
export const EXCERPT_MAX = 140;

// Only these bring new text; a closed or labeled issue would repeat a body the group has seen.
const EXCERPT_ACTIONS = new Set(['opened', 'created', 'submitted', 'published', 'answered']);

/** How the receiving room relates to the event. */
export interface RenderOptions {
  /** The issue was opened from this room (以上N条开工单): marked so, and its body (the room's own chat) left out. */
  fromThisRoom?: boolean;
}

function excerptOf(event: ForgeEvent, locale: Locale): string | undefined {
  if (!event.body || !EXCERPT_ACTIONS.has(event.action)) return undefined;
  const text = stripMarkdown(event.body, locale);
  if (text === '' || text === oneLine(event.title ?? '')) return undefined;
  return truncateText(text, EXCERPT_MAX);
}

/**
 * A forge event as a plain-text chat message: a headline (`[owner/repo] octocat opened issue #12:
 * Title`, at most {@link HEADLINE_MAX} code points), an excerpt of the new text with markdown
 * stripped (at most {@link EXCERPT_MAX}), and the web address on its own line.
 */
export function renderEvent(event: ForgeEvent, locale: Locale, options: RenderOptions = {}): string {
  const suffix = options.fromThisRoom ? phrase(locale, 'fromThisRoom') : '';
  const headline = renderHeadline(event, locale, { max: HEADLINE_MAX, prefix: `[${oneLine(event.repo)}] `, suffix });
  const excerpt = options.fromThisRoom ? undefined : excerptOf(event, locale);
  return [headline, excerpt, oneLine(event.url)].filter((line) => line !== undefined).join('\n');
}
