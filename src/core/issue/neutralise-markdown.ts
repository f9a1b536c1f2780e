import { defuseAutolinks } from './defuse-autolinks.js';

interface Fence {
  char: string;
  length: number;
}
interface Part {
  code: boolean;
  text: string;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
// Block starts that would escape or reshape the quote, and their inert forms.
const BLOCK_STARTS: readonly [RegExp, string][] = [
  [/^(#{1,6})(?=[ \t]|$)/, '\\$1'],
  [/^>/, '\\>'],
  [/^([-+*][ \t]+|\d{1,9}[.)][ \t]+)\[([ xX])\]/, '$1\\[$2]'],
  [/^\[(?=[^\]]*\]:)/, '\\['],
  [/^(?=[-=_*+][-=_*+ \t]*$)/, '\\'],
];

function openingFence(line: string): Fence | undefined {
  const m = FENCE_OPEN.exec(line);
  const run = m?.[1];
  if (!run || (run.startsWith('`') && m[2]?.includes('`'))) return undefined;
  return { char: run.charAt(0), length: run.length };
}

function closesFence(fence: Fence, line: string): boolean {
  const run = FENCE_CLOSE.exec(line)?.[1];
  return run !== undefined && run.startsWith(fence.char) && run.length >= fence.length;
}

// An unmatched backtick run stays text (and is escaped there).
function splitCodeSpans(line: string): Part[] {
  const parts: Part[] = [];
  const runs = [...line.matchAll(/`+/g)];
  let from = 0;
  for (let i = 0; i < runs.length; i += 1) {
    const open = runs[i]!;
    const j = runs.findIndex((r, k) => k > i && r[0].length === open[0].length);
    if (j < 0) continue;
    const end = runs[j]!.index + runs[j]![0].length;
    parts.push({ code: false, text: line.slice(from, open.index) }, { code: true, text: line.slice(open.index, end) });
    from = end;
    i = j;
  }
  parts.push({ code: false, text: line.slice(from) });
  return parts;
}

// `](` escaped: no inline link or image can form, so none hides its target or loads a tracker.
function escapePlain(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/\]\(/g, '\\](');
}

function neutraliseLine(line: string): string {
  if (line.trim() === '') return '';
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  // Non-breaking spaces keep the indentation visible without making an indented code block.
  const width = [...indent].reduce((w, c) => w + (c === '\t' ? 4 : 1), 0);
  const content = splitCodeSpans(line.slice(indent.length)).map((p) => (p.code ? p.text : defuseAutolinks(p.text, escapePlain))).join('');
  const inert = BLOCK_STARTS.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), content);
  return '\u00a0'.repeat(width) + inert;
}

/**
 * Makes chat text safe to quote line by line (`> `) in a GitHub issue: nothing in it can end the
 * quote, become a heading, rule, task or link definition, or be read as HTML (`<` → `&lt;`, so
 * `<!--` cannot hide text or fake a marker). Inline code spans and fenced code blocks are kept
 * verbatim (code renders as code inside the quote; an unclosed fence is closed). Outside code,
 * nothing GitHub links by itself stays live ({@link defuseAutolinks}: mentions, issue and commit
 * references, GitHub links, markdown link and image targets).
 */
export function neutraliseMarkdown(text: string): string {
  const out: string[] = [];
  let fence: Fence | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence) {
      out.push(line);
      if (closesFence(fence, line)) fence = undefined;
      continue;
    }
    fence = openingFence(line);
    out.push(fence ? line : neutraliseLine(line));
  }
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join('\n');
}
