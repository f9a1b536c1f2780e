import type { Locale } from '../types.js';
import { phrase } from './render-strings.js';

// Private-use stand-ins: later rules cannot mistake them for markdown, and input cannot forge them.
const CODE_BLOCK = '\uE000';
const IMAGE = '\uE001';
const STASH = /\uE002(\d+)\uE003/g;
const PRIVATE = /[\uE000-\uE003]/g;

/** Most UTF-16 units read: plenty for an excerpt, and a bound on the work a hostile body can cause. */
export const STRIP_SOURCE_MAX = 10_000;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const LINK_TARGET = String.raw`\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)`;
const IMAGE_INLINE = new RegExp(String.raw`!\[[^\]]*\]` + LINK_TARGET, 'g');
// Link text may hold one level of balanced brackets, as GitHub allows.
const LINK_INLINE = new RegExp(String.raw`\[((?:[^\[\]]|\[[^\[\]]*\])*)\]` + LINK_TARGET, 'g');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

// Line starts that shape blocks, not words: rules, setext underlines, table rules, link definitions.
const DROPPED_LINES = [
  /^ {0,3}(?:[-*_][ \t]*){3,}$/,
  /^ {0,3}(?:=+|-+)[ \t]*$/,
  /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/,
  /^ {0,3}\[[^\]]+\]:\s*\S+.*$/,
];
const LINE_MARKERS: readonly [RegExp, string][] = [
  [/^[ \t]*(?:>[ \t]?)+/, ''],
  [/^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/, '$1'],
  [/^[ \t]*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/, ''],
  [/^[ \t]*(\d{1,9})[.)][ \t]+(?:\[[ xX]\][ \t]+)?/, '$1. '],
];
const EMPHASIS: readonly RegExp[] = [
  /(?<![\p{L}\p{N}*\\])\*\*(?=\S)([\s\S]*?\S)\*\*(?![\p{L}\p{N}*])/gu,
  /(?<![\p{L}\p{N}_\\])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu,
  /(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\p{L}\p{N}*])/gu,
  /(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_\n]*?[^\s_\\])_(?![\p{L}\p{N}_])/gu,
  /(?<!\\)~~(?=\S)([\s\S]*?\S)~~/gu,
];

// Fenced code blocks (an unclosed one runs to the end) become one placeholder each.
function dropCodeBlocks(text: string): string {
  const out: string[] = [];
  let closing: RegExp | undefined;
  for (const line of text.split('\n')) {
    if (closing !== undefined) {
      if (closing.test(line)) closing = undefined;
      continue;
    }
    const run = FENCE_OPEN.exec(line)?.[1];
    // A fence closes with a run of the same character at least as long.
    closing = run === undefined ? undefined : new RegExp(`^ {0,3}${run.charAt(0)}{${run.length},}[ \\t]*$`);
    out.push(run === undefined ? line : ` ${CODE_BLOCK} `);
  }
  return out.join('\n');
}

function stripLine(line: string): string {
  if (DROPPED_LINES.some((pattern) => pattern.test(line))) return '';
  return LINE_MARKERS.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), line);
}

function stripInline(text: string): string {
  let s = text
    .replace(IMAGE_INLINE, ` ${IMAGE} `)
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, ` ${IMAGE} `)
    .replace(/<img\b[^>]*>/gi, ` ${IMAGE} `)
    .replace(LINK_INLINE, '$1')
    .replace(/\[([^\[\]]+)\]\[[^\[\]]*\]/g, '$1')
    .replace(/<((?:https?|ftp|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>@]+)>/gi, '$1')
    .replace(/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, ' ');
  for (const pattern of EMPHASIS) s = s.replace(pattern, '$1');
  // An unpaired ** is markup a reader should not see.
  return s.replace(/\*{2,}/g, '');
}

// Cut between, never inside, a surrogate pair.
function head(text: string): string {
  if (text.length <= STRIP_SOURCE_MAX) return text;
  return text.slice(0, /[\uDC00-\uDFFF]/.test(text.charAt(STRIP_SOURCE_MAX)) ? STRIP_SOURCE_MAX - 1 : STRIP_SOURCE_MAX);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    const code = /^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : name.startsWith('#') ? Number(name.slice(1)) : NaN;
    if (Number.isFinite(code)) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Markdown made into one line of plain text for a chat excerpt: fenced code → `[代码]`/`[code]`,
 * images (markdown or `<img>`) → `[图片]`/`[image]`, links → their text, inline code → its text;
 * headings, emphasis, quotes, list bullets, rules, table rules, HTML comments and tags removed;
 * backslash escapes and common entities resolved; whitespace folded to single spaces. Reads the
 * first {@link STRIP_SOURCE_MAX} units only (an open code block or comment there runs to the cut).
 */
export function stripMarkdown(markdown: string, locale: Locale): string {
  const stash: string[] = [];
  const keep = (literal: string) => `\uE002${stash.push(literal) - 1}\uE003`;
  let s = dropCodeBlocks(head(markdown).replace(PRIVATE, '').replace(/\r\n?/g, '\n'));
  s = s.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  s = s.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_whole, _run: string, code: string) => keep(code.trim()));
  s = s.replace(/\\([!-/:-@[-`{-~])/g, (_whole, char: string) => keep(char));
  s = stripInline(s.split('\n').map(stripLine).join('\n'));
  s = decodeEntities(s).replace(STASH, (_whole, index: string) => stash[Number(index)] ?? '');
  s = s.replaceAll(CODE_BLOCK, phrase(locale, 'placeholder.code')).replaceAll(IMAGE, phrase(locale, 'placeholder.image'));
  return s.replace(/[\p{Cc}\p{Zs}\u200b\u2028\u2029]+/gu, ' ').trim();
}
