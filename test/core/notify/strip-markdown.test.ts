import { describe, expect, it } from 'vitest';
import { STRIP_SOURCE_MAX, stripMarkdown } from '../../../src/core/notify/strip-markdown.js';

describe('stripMarkdown', () => {
  it.each([
    ['plain text', 'plain text'],
    ['# Heading\nText', 'Heading Text'],
    ['### Steps ###\n1. install\n2. run', 'Steps 1. install 2. run'],
    ['#123 is a reference, not a heading', '#123 is a reference, not a heading'],
    ['Title\n=====\nbody', 'Title body'],
    ['Title\n---\nbody', 'Title body'],
    ['a\n\n***\n\nb', 'a b'],
    ['**bold** and __strong__', 'bold and strong'],
    ['*em* and _em_ and ~~gone~~', 'em and em and gone'],
    ['***both***', 'both'],
    ['snake_case_name and 2 * 3 * 4', 'snake_case_name and 2 * 3 * 4'],
    ['unpaired **bold', 'unpaired bold'],
    ['> quoted\n> > nested', 'quoted nested'],
    ['- one\n* two\n+ three', 'one two three'],
    ['- [ ] todo\n- [x] done', 'todo done'],
    ['see [the docs](https://x.org/docs "Docs") now', 'see the docs now'],
    ['a [link](https://x.org/a_(b)) with parens', 'a link with parens'],
    ['[see [RFC 1] here](https://x.org)', 'see [RFC 1] here'],
    ['a [ref link][1]\n\n[1]: https://x.org', 'a ref link'],
    ['<https://x.org/auto>', 'https://x.org/auto'],
    ['bare https://x.org/a_b_c stays', 'bare https://x.org/a_b_c stays'],
    ['![screenshot](https://x.org/a.png)', '[image]'],
    ['before <img width="300" src="https://x.org/a.png" alt="x"> after', 'before [image] after'],
    ['[![badge](https://x.org/b.svg)](https://x.org)', '[image]'],
    ['run `npm i` first', 'run npm i first'],
    ['``a ` b``', 'a ` b'],
    ['```js\nconst a = 1;\n```\nafter', '[code] after'],
    ['~~~\ncode\n~~~', '[code]'],
    ['````\n```\nstill code\n````\nafter', '[code] after'],
    ['```\nunclosed code runs to the end', '[code]'],
    ['<!-- template hint -->\nReal text', 'Real text'],
    ['<!--\nmulti\nline\n-->Text<!-- unclosed', 'Text'],
    ['<details><summary>Logs</summary>\n\nline\n</details>', 'Logs line'],
    ['a<br>b<br/>c', 'a b c'],
    ['\\*not emphasis\\* \\# \\[x\\]', '*not emphasis* # [x]'],
    ['a &amp; b &lt;c&gt; &#x4e2d;&#25991; &nbsp;d', 'a & b <c> 中文 d'],
    ['| a | b |\n|---|:-:|\n| 1 | 2 |', '| a | b | | 1 | 2 |'],
    ['line one\r\nline two\n\n\n  line three\t', 'line one line two line three'],
    ['你好**世界**，_测试_', '你好世界，测试'],
    ['\uE001 forged placeholder', 'forged placeholder'],
    ['', ''],
  ])('%j', (markdown, expected) => {
    expect(stripMarkdown(markdown, 'en')).toBe(expected);
  });

  it('uses Chinese placeholders in zh-CN', () => {
    expect(stripMarkdown('看图 ![](a.png)\n```\nx\n```', 'zh-CN')).toBe('看图 [图片] [代码]');
  });

  it('leaves no markdown in a typical issue template', () => {
    const template = [
      '<!-- Please fill in the sections below. -->',
      '## Describe the bug',
      'Login **fails** on [Windows](https://x.org/win).',
      '',
      '### Logs',
      '```',
      'Error: ENOENT',
      '```',
      '<img alt="screen" src="https://user-images.githubusercontent.com/1/a.png">',
      '- [x] I searched existing issues',
    ].join('\n');
    const text = stripMarkdown(template, 'en');
    expect(text).toBe('Describe the bug Login fails on Windows. Logs [code] [image] I searched existing issues');
  });

  it('reads only the head of a huge body, so hostile markup stays cheap', () => {
    for (const unit of ['**a ', '__a ', '~~a ', '<img ', '`a ``']) {
      const started = performance.now();
      const text = stripMarkdown(unit.repeat(65_536 / unit.length), 'en');
      expect(performance.now() - started).toBeLessThan(500);
      expect(text.length).toBeLessThanOrEqual(STRIP_SOURCE_MAX);
    }
  });

  it('never cuts a surrogate pair at the head', () => {
    const text = stripMarkdown(`${'a'.repeat(STRIP_SOURCE_MAX - 1)}😀tail`, 'en');
    expect(text).toBe('a'.repeat(STRIP_SOURCE_MAX - 1));
  });
});
