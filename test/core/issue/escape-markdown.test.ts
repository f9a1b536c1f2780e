import { describe, expect, it } from 'vitest';
import { defuseAutolinks, neutraliseMarkdown } from '../../../src/core/issue/draft-issue.js';

const NBSP = '\u00a0';

describe('defuseAutolinks: mentions', () => {
  it.each([
    ['@octocat', '`@octocat`'],
    ['@octocat please look', '`@octocat` please look'],
    ['thanks @octocat, merged', 'thanks `@octocat`, merged'],
    ['(@octocat)', '(`@octocat`)'],
    ['cc:@octocat', 'cc:`@octocat`'],
    ['done.@octocat', 'done.`@octocat`'],
    ['@some-user.', '`@some-user`.'],
    ['@octocat...', '`@octocat`...'],
    ['@org/team review', '`@org/team` review'],
    ['@types/node', '`@types/node`'],
    ['@张三 你看下', '`@张三` 你看下'],
    ['请@张三\u2005看下', '请`@张三`\u2005看下'],
    ['＠李四', '`＠李四`'],
    ['@a@b', '`@a@b`'],
    ['@@octocat', '@`@octocat`'],
    ['line one\n@octocat at line start', 'line one\n`@octocat` at line start'],
  ])('wraps %j', (text, expected) => {
    expect(defuseAutolinks(text)).toBe(expected);
  });

  it.each([
    'a@b.com',
    'mail foo.bar+tag@gmail.com please',
    '张三@example.com',
    'git@github.com:o/r.git',
    'https://medium.com/@user/post',
    'see https://x.org/?who=@octocat now',
    '@ alone',
    'snake_@case',
    '@foo.bar',
    'no mentions at all',
  ])('leaves %j alone', (text) => {
    expect(defuseAutolinks(text)).toBe(text);
  });
});

describe('defuseAutolinks: mentions with escapeRest', () => {
  it('escapes everything but the mentions', () => {
    expect(defuseAutolinks('a_b @alice_x *c*', (s: string) => s.replace(/[_*]/g, '\\$&'))).toBe('a\\_b `@alice_x` \\*c\\*');
  });
});

describe('neutraliseMarkdown', () => {
  it.each([
    ['# 标题', '\\# 标题'],
    ['###### deep', '\\###### deep'],
    ['#hashtag', '#hashtag'],
    ['see #123', 'see `#123`'],
    ['> quoted', '\\> quoted'],
    ['>> deeper', '\\>> deeper'],
    ['title\n===', 'title\n\\==='],
    ['title\n---', 'title\n\\---'],
    ['a\n-', 'a\n\\-'],
    ['***', '\\***'],
    ['- - -', '\\- - -'],
    ['- [ ] task', '- \\[ ] task'],
    ['1. [x] done', '1. \\[x] done'],
    ['- plain item', '- plain item'],
    ['[x]: http://evil', '\\[x]: http://evil'],
    ['[图片]', '[图片]'],
    ['<details>open</details>', '&lt;details>open&lt;/details>'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['<!-- osschat:evil -->', '&lt;!-- osschat:evil -->'],
    ['a --> b', 'a --> b'],
    ['&nbsp; a&b', '&amp;nbsp; a&b'],
    ['C:\\Users\\me', 'C:\\\\Users\\\\me'],
    ['stray ` tick', 'stray \\` tick'],
    ['`a <b> @c` kept', '`a <b> @c` kept'],
    ['``x ` y`` kept', '``x ` y`` kept'],
    ['    at main (a.js:1)', `${NBSP.repeat(4)}at main (a.js:1)`],
    ['\tat main', `${NBSP.repeat(4)}at main`],
    ['   # indented heading', `${NBSP.repeat(3)}\\# indented heading`],
    ['  \n  ', '\n'],
    ['| a | b |\n|---|---|', '| a | b |\n|---|---|'],
    ['windows\r\nline', 'windows\nline'],
  ])('neutralises %j', (text, expected) => {
    expect(neutraliseMarkdown(text)).toBe(expected);
  });

  it('keeps a fenced block verbatim and closes it when left open', () => {
    expect(neutraliseMarkdown('log:\n```\n# not a heading <b> @octocat\n```\nafter <b>')).toBe('log:\n```\n# not a heading <b> @octocat\n```\nafter &lt;b>');
    expect(neutraliseMarkdown('```js\nconst a = "<b>";')).toBe('```js\nconst a = "<b>";\n```');
    expect(neutraliseMarkdown('~~~~\n~~~\nstill code')).toBe('~~~~\n~~~\nstill code\n~~~~');
    expect(neutraliseMarkdown('````\n```\n````\n# out')).toBe('````\n```\n````\n\\# out');
  });

  it('does not take a backtick run with backticks in its info string for a fence', () => {
    expect(neutraliseMarkdown('``` a ` b\nnext')).toBe('\\`\\`\\` a \\` b\nnext');
  });

  it('defuses mentions outside code only', () => {
    const text = 'ping @octocat, not `@octocat`\n```\n@octocat\n```';
    expect(neutraliseMarkdown(text)).toBe('ping `@octocat`, not `@octocat`\n```\n@octocat\n```');
  });

  it('wraps a mention after a stray backtick so the backticks still pair up', () => {
    expect(neutraliseMarkdown('stray ` then @octocat')).toBe('stray \\` then `@octocat`');
  });
});
