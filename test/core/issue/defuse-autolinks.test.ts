import { describe, expect, it } from 'vitest';
import { defuseAutolinks } from '../../../src/core/issue/defuse-autolinks.js';
import { neutraliseMarkdown } from '../../../src/core/issue/neutralise-markdown.js';
import { searchTerms, TERM_MAX, TERMS_MAX } from '../../../src/core/issue/search-terms.js';

describe('defuseAutolinks: references and GitHub links', () => {
  it.each([
    ['fixed in #12.', 'fixed in `#12`.'],
    ['see octo/hello#3 and GH-4', 'see `octo/hello#3` and `GH-4`'],
    ['(gh-5)', '(`gh-5`)'],
    ['octo/hello@a5c3785 and octocat@a5c3785ed8d6', '`octo/hello@a5c3785` and `octocat@a5c3785ed8d6`'],
    ['https://github.com/o/r/issues/1, ok', '`https://github.com/o/r/issues/1`, ok'],
    ['(https://www.github.com/o/r/pull/2)', '(`https://www.github.com/o/r/pull/2`)'],
  ])('wraps %j', (text, expected) => {
    expect(defuseAutolinks(text)).toBe(expected);
  });

  it.each(['C# and F#', 'issue#12', 'a@deadbeef1.com', 'https://example.com/#1', 'https://example.com/a?b=GH-1', 'room 1#'])('leaves %j alone', (text) => {
    expect(defuseAutolinks(text)).toBe(text);
  });
});

describe('neutraliseMarkdown: links and images', () => {
  it('keeps their text but no live link, and shows the target as code', () => {
    expect(neutraliseMarkdown('[docs](https://evil.example/x) ![p](https://t.example/p.gif) [a](#1)')).toBe(
      '[docs\\](`https://evil.example/x`) ![p\\](`https://t.example/p.gif`) [a\\](`#1`)',
    );
  });
});

describe('searchTerms', () => {
  it('drops over-long words and keeps the terms short enough for any repository name', () => {
    expect(searchTerms(`${'a'.repeat(2000)} crash`)).toEqual(['crash']);
    const terms = searchTerms(Array.from({ length: 10 }, (_, i) => `${String(i).repeat(2)}${'w'.repeat(TERM_MAX - 2)}`).join(' '));
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.join(' ').length).toBeLessThan(TERMS_MAX);
    // A 39-character owner and a 100-character name, as GitHub allows: the query stays within 256.
    expect(`repo:${'o'.repeat(39)}/${'n'.repeat(100)} is:issue is:open ${terms.join(' ')}`.length).toBeLessThanOrEqual(256);
  });
});
