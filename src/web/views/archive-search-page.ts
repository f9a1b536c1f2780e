import type { RoomView, SearchView } from '../../core/archive/archive-views.js';
import type { Locale } from '../../core/types.js';
import { escapeHtml, jsonForScript } from './escape-html.js';
import { STATIC_SEARCH_SCRIPT } from './archive-search-script.js';
import { formatTime, label } from './archive-labels.js';
import { renderShell, type PageContext } from './archive-layout.js';
import { paths } from './archive-pages.js';
import { highlightHtml } from './archive-text.js';

const e = escapeHtml;

/** Live search results: ranked, highlighted, paged. */
export function renderSearchPage(ctx: PageContext, view: SearchView): string {
  const { locale } = view;
  const results = view.results
    .map(
      (r) =>
        `<li><a href="${ctx.root}${paths.conversation(r.room.id, r.conversation)}">${highlightHtml(r.title, r.terms)}</a><div class="text">${highlightHtml(r.snippet, r.terms)}</div><div class="meta">${e(r.author)} · <time datetime="${r.ts.toISOString()}">${e(formatTime(r.ts, ctx.timeZone))}</time> · ${e(r.room.name)}</div></li>`,
    )
    .join('');
  const link = (page: number) => `?q=${encodeURIComponent(view.query)}${view.room ? `&amp;room=${view.room.id}` : ''}&amp;page=${page}`;
  const pager = [view.page > 1 ? `<a href="${link(view.page - 1)}" rel="prev">← ${e(label(locale, 'previous'))}</a>` : '', view.more ? `<a href="${link(view.page + 1)}" rel="next">${e(label(locale, 'next'))} →</a>` : ''].join(' ');
  const empty = view.query.trim() && view.results.length === 0 ? `<p>${e(label(locale, 'noResults'))}</p>` : '';
  const heading = view.query.trim() ? `<h1>${e(label(locale, 'results', { query: view.query }))}</h1>` : `<h1>${e(label(locale, 'search'))}</h1>`;
  const body = `${heading}<ol class="list" id="results">${results}</ol>${empty}<p>${pager}</p>`;
  return renderShell(ctx, { locale, title: `${view.query ? `${view.query} · ` : ''}${label(locale, 'search')}`, description: label(locale, 'search'), path: 'search/', body, ...(view.room ? { roomId: view.room.id } : {}) }, view.query);
}

/** The static site's search page: the same look, results computed in the browser from each room's prebuilt index. */
export function renderStaticSearchPage(ctx: PageContext, rooms: readonly RoomView[], locale: Locale): string {
  const config = { root: ctx.root, rooms: rooms.map((r) => ({ id: r.id, name: r.name })), labels: { none: label(locale, 'noResults'), searching: label(locale, 'searching') } };
  const body = `<h1>${e(label(locale, 'search'))}</h1><p id="status" class="meta"></p><noscript>${e(label(locale, 'noScript'))}</noscript><ol class="list" id="results"></ol>
<script id="archive-config" type="application/json">${jsonForScript(config)}</script><script src="${ctx.root}assets/minisearch.js"></script><script>${STATIC_SEARCH_SCRIPT}</script>`;
  return renderShell(ctx, { locale, title: label(locale, 'search'), description: label(locale, 'search'), path: 'search/', body });
}
