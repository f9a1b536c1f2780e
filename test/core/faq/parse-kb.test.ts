import { describe, expect, it } from 'vitest';
import { kbFormatOf, parseKb } from '../../../src/core/faq/parse-kb.js';

describe('parseKb', () => {
  it('reads CSV, a repeated id adding a paraphrase, and reports a bad row with its line', () => {
    const csv = 'id,question,answer\nF1,怎么安装？,npm ci && npm start\nF1,"how to install, quickly",\n,no id,x\nF2,哪里下载,"见 README\n第二行"\nF3,no answer,\n';
    const report = parseKb(csv, 'csv');
    expect(report.entries).toEqual([
      { id: 'F1', questions: ['怎么安装？', 'how to install, quickly'], answer: 'npm ci && npm start', tags: [], source: 'import' },
      { id: 'F2', questions: ['哪里下载'], answer: '见 README\n第二行', tags: [], source: 'import' },
    ]);
    expect(report.errors).toEqual([
      { line: 4, message: 'needs an id and a question' },
      { line: 7, message: 'entry F3 needs an answer on its first row' },
    ]);
  });

  it('reads YAML lists, with a bad entry reported by line', () => {
    const yaml = '- id: install\n  questions: [怎么安装, how to install]\n  answer: npm ci\n  url: https://example.com\n  tags: [setup]\n- id: broken\n  answer: no question\n';
    const report = parseKb(yaml, 'yaml');
    expect(report.entries).toEqual([{ id: 'install', questions: ['怎么安装', 'how to install'], answer: 'npm ci', url: 'https://example.com', tags: ['setup'], source: 'import' }]);
    expect(report.errors).toEqual([{ line: 6, message: 'needs id, question(s) and answer' }]);
    expect(parseKb('entries:\n  - id: a\n    question: q\n    answer: x\n', 'yaml').entries).toHaveLength(1);
    expect(parseKb('- id: [unclosed\n', 'yaml').errors[0]?.line).toBe(2);
  });

  it('reads Markdown: consecutive headings are paraphrases, paragraphs are the answer', () => {
    const md = '# FAQ\n\n## 怎么安装？\n## How do I install?\n\n运行 `npm ci`。\n\n然后 `npm start`。\n\n## 空的问题\n\n## 在哪提问\n去群里。\n';
    const report = parseKb(md, 'markdown');
    expect(report.entries.map((e) => [e.questions, e.answer])).toEqual([
      [['怎么安装？', 'How do I install?'], '运行 `npm ci`。\n\n然后 `npm start`。'],
      [['在哪提问'], '去群里。'],
    ]);
    expect(report.entries[0]!.id).toMatch(/^md-[0-9a-f]{10}$/);
    expect(report.errors).toEqual([{ line: 10, message: '"空的问题" has no answer under it' }]);
  });

  it('knows formats by file name', () => {
    expect([kbFormatOf('kb.yaml'), kbFormatOf('kb.YML'), kbFormatOf('a.csv'), kbFormatOf('faq.md'), kbFormatOf('x.txt')]).toEqual(['yaml', 'yaml', 'csv', 'markdown', undefined]);
  });
});
