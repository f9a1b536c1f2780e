import { escapeHtml } from './escape-html.js';

const URL_PATTERN = /https?:\/\/[^\s<>"'`）)】」，。]+/g;

/** Escaped message text with http(s) links made clickable (never another scheme); newlines kept by CSS. */
export function messageHtml(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapeHtml(text.slice(at, match.index));
    const url = match[0];
    out += `<a href="${escapeHtml(url)}" rel="nofollow ugc noopener">${escapeHtml(url)}</a>`;
    at = match.index + url.length;
  }
  return out + escapeHtml(text.slice(at));
}

/** Escaped text with every occurrence of the terms (case-insensitive) in <mark>. */
export function highlightHtml(text: string, terms: readonly string[]): string {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return escapeHtml(text);
  const pattern = new RegExp(wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  let out = '';
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    out += `${escapeHtml(text.slice(at, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    at = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(at));
}
