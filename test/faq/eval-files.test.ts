import { describe, expect, it } from 'vitest';
import { labelConflicts } from '../../scripts/faq-eval/label-conflicts.js';
import { parseCsv } from '../../scripts/faq-eval/parse-csv.js';
import { readKb } from '../../scripts/faq-eval/read-kb.js';
import { readQueries } from '../../src/core/faq/read-queries.js';
import { splitHalves } from '../../scripts/faq-eval/split.js';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and line breaks in fields, CRLF and a BOM', () => {
    const csv = '\uFEFFid,question,answer\r\n1,"a, b","say ""hi"""\r\n2,"two\nlines",plain\n\n';
    expect(parseCsv(csv)).toEqual([
      ['id', 'question', 'answer'],
      ['1', 'a, b', 'say "hi"'],
      ['2', 'two\nlines', 'plain'],
    ]);
  });
});

describe('readKb', () => {
  it('groups repeated ids as paraphrases and reports unusable rows', () => {
    const report = readKb('id,question,answer,url\nk1,怎么安装？,npm ci,https://x\nk2,,none\nk1,如何安装,ignored\n');
    expect(report.entries).toEqual([{ id: 'k1', questions: ['怎么安装？', '如何安装'], answer: 'npm ci', url: 'https://x' }]);
    expect(report.skipped).toEqual([{ line: 3, reason: 'empty id or question' }]);
  });

  it('needs id and question columns', () => {
    expect(readKb('a,b\n1,2\n').skipped[0]?.reason).toMatch(/header/);
  });
});

describe('readQueries', () => {
  it('reads expected ids and nulls, and reports bad lines', () => {
    const read = readQueries('{"text":"怎么安装","expected":"k1"}\n{"text":"无关","expected":null}\nnot json\n{"expected":1}\n');
    expect(read.queries).toEqual([{ text: '怎么安装', expected: 'k1' }, { text: '无关', expected: null }]);
    expect(read.skipped.map((s) => s.line)).toEqual([3, 4]);
  });
});

describe('splitHalves', () => {
  it('splits into two disjoint halves, the same for the same seed', () => {
    const items = Array.from({ length: 101 }, (_, i) => i);
    const { tune, holdout } = splitHalves(items, 7);
    expect(tune).toHaveLength(51);
    expect([...tune, ...holdout].sort((a, b) => a - b)).toEqual(items);
    expect(splitHalves(items, 7)).toEqual({ tune, holdout });
    expect(splitHalves(items, 8).tune).not.toEqual(tune);
  });
});

describe('labelConflicts', () => {
  it('finds queries that are a KB question of another entry, up to case, width and punctuation', () => {
    const entries = [{ id: 'a', questions: ['怎么安装？'], answer: '' }, { id: 'b', questions: ['How to install'], answer: '' }];
    const queries = [
      { text: '怎么安装', expected: 'a' },
      { text: '怎么安装!', expected: 'b' },
      { text: 'ＨＯＷ to install?', expected: null },
      { text: '如何安装', expected: null },
    ];
    expect([...labelConflicts(entries, queries)]).toEqual([queries[1], queries[2]]);
  });
});
