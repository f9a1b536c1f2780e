import type { Locale } from '../../core/types.js';
import { escapeHtml, jsonForScript } from './escape-html.js';
import { label } from './archive-labels.js';
import { STATIC_SEARCH_SCRIPT } from './archive-search-script.js';
import { scriptHash } from './script-hash.js';

/** Where a page sits: `root` is the relative path back to the archive's root ('' at the root, '../' one level down…). */
export interface PageContext {
  root: string;
  /** Absolute address of the archive root, when known (canonical links, feeds). */
  baseUrl?: string;
  timeZone: string;
  /** The static site: search runs in the page from a prebuilt index. */
  static: boolean;
  /** The live server also serves /report/ROOM beside /archive/ (a published static site has no report). */
  reports?: boolean;
}

export interface Shell {
  locale: Locale;
  title: string;
  description: string;
  /** Path of the page below the archive root ('12/c/345/'), for the canonical link. */
  path: string;
  body: string;
  jsonLd?: unknown;
  feed?: string;
  /** Hidden room field of the search box. */
  roomId?: number;
  script?: string;
}

const STYLE = `:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--accent:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--bg:#0d1117;--accent:#4493f8}}
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:var(--fg);background:var(--bg)}
main,header,footer{max-width:46rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}a{color:var(--accent)}
nav.crumbs{font-size:.9rem;color:var(--muted)}form.search{display:flex;gap:.5rem;margin:1rem 0}form.search input[type=search]{flex:1;min-width:0;padding:.5rem;font:inherit;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
form.search button{padding:.5rem 1rem;font:inherit;border-radius:6px;border:1px solid var(--line);background:var(--accent);color:#fff}
ol.list{list-style:none;padding:0}ol.list li{padding:.6rem 0;border-bottom:1px solid var(--line)}.meta{color:var(--muted);font-size:.85rem}
article.msg{padding:.7rem 0;border-bottom:1px solid var(--line)}article.msg .text{white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
mark{background:#fff8c5;color:#1f2328}footer{color:var(--muted);font-size:.85rem;padding:2rem 1rem}h1{font-size:1.4rem;line-height:1.3;overflow-wrap:anywhere}`;

function searchForm(ctx: PageContext, locale: Locale, roomId: number | undefined, query = ''): string {
  const room = roomId === undefined ? '' : `<input type="hidden" name="room" value="${roomId}">`;
  return `<form class="search" role="search" action="${ctx.root}search/" method="get"><input type="search" name="q" value="${escapeHtml(query)}" placeholder="${escapeHtml(label(locale, 'searchPlaceholder'))}" aria-label="${escapeHtml(label(locale, 'search'))}">${room}<button type="submit">${escapeHtml(label(locale, 'search'))}</button></form>`;
}

export { searchForm };

let policyText: string | undefined;
const staticPolicy = () =>
  (policyText ??= `default-src 'none'; script-src 'self' ${scriptHash(STATIC_SEARCH_SCRIPT)}; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'`);

/** The whole HTML document: lang, viewport, description, canonical, feed, JSON-LD, search box, footer. */
export function renderShell(ctx: PageContext, shell: Shell, query?: string): string {
  const canonical = ctx.baseUrl ? `<link rel="canonical" href="${escapeHtml(`${ctx.baseUrl}/${shell.path}`)}">` : '';
  const feed = shell.feed ? `<link rel="alternate" type="application/atom+xml" href="${escapeHtml(shell.feed)}">` : '';
  const jsonLd = shell.jsonLd ? `<script type="application/ld+json">${jsonForScript(shell.jsonLd)}</script>` : '';
  const script = shell.script ? `<script>${shell.script}</script>` : '';
  // A published site is served by someone else's web server: the page carries its own policy (the live archive's comes in headers).
  const policy = ctx.static ? `<meta http-equiv="Content-Security-Policy" content="${staticPolicy()}">` : '';
  return `<!doctype html>
<html lang="${shell.locale}" dir="ltr"><head><meta charset="utf-8">${policy}<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(shell.title)}</title><meta name="description" content="${escapeHtml(shell.description)}">
<meta property="og:title" content="${escapeHtml(shell.title)}"><meta property="og:description" content="${escapeHtml(shell.description)}">
${canonical}${feed}<style>${STYLE}</style>${jsonLd}</head>
<body><header><nav class="crumbs"><a href="${ctx.root || './'}">${escapeHtml(label(shell.locale, 'archive'))}</a></nav>${searchForm(ctx, shell.locale, shell.roomId, query)}</header>
<main>${shell.body}</main><footer>${escapeHtml(label(shell.locale, 'privacy'))}</footer>${script}</body></html>
`;
}
