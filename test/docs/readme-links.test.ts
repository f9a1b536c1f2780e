import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The README's lines outside fenced code blocks (a `# comment` in a shell block is no heading). */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    return !fenced && !/^\s*```/.test(line);
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(lines: string[]): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of lines) {
    const heading = line.match(/^#{1,6}\s+(.*?)\s*$/);
    if (!heading) continue;
    const base = heading[1]!.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Every markdown link target `[text](target)` on the given lines, inline code left out. */
function linkTargets(lines: string[]): string[] {
  const prose = lines.map((line) => line.replace(/`[^`]*`/g, ''));
  return prose.flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!));
}

function contentsSection(lines: string[]): string[] {
  const start = lines.findIndex((line) => /^## Contents\s*$/.test(line));
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  return start < 0 ? [] : lines.slice(start + 1, end);
}

describe('README links', () => {
  const lines = proseLines(readFileSync(README, 'utf8'));
  const headings = anchors(lines);
  const targets = linkTargets(lines);

  it('has a table of contents that names every section', () => {
    const listed = linkTargets(contentsSection(lines));
    const sections = lines.filter((line) => /^## /.test(line) && !/^## Contents\s*$/.test(line));
    expect(sections.length).toBeGreaterThan(5);
    expect(sections.map((line) => anchors([line]).values().next().value).filter((anchor) => !listed.includes(`#${anchor}`))).toEqual([]);
  });

  it('every in-page link (table of contents and text) leads to a heading', () => {
    const local = targets.filter((target) => target.startsWith('#'));
    expect(local.length).toBeGreaterThan(20);
    expect(local.filter((target) => !headings.has(decodeURIComponent(target.slice(1))))).toEqual([]);
  });

  it('every relative file link names a file of the repository', () => {
    const files = targets.filter((target) => !/^(#|[a-z]+:)/i.test(target)).map((target) => target.split('#')[0]!);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !existsSync(`${ROOT}${file}`))).toEqual([]);
  });
});
