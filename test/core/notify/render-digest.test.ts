import { describe, expect, it } from 'vitest';
import type { ForgeEvent } from '../../../src/core/notify/forge-event.js';
import { DIGEST_LINE_MAX, DIGEST_LINES, renderDigest } from '../../../src/core/notify/render-digest.js';
import { renderDigest as reExported } from '../../../src/core/notify/render-event.js';

const event = (number: number, extra: Partial<ForgeEvent> = {}): ForgeEvent => ({
  deliveryId: `d${number}`, name: 'issues', action: 'opened', feature: 'issues', repo: 'octo/hello',
  actor: { login: 'octocat', isBot: false }, number, title: `Issue ${number}`, url: `https://github.com/octo/hello/issues/${number}`,
  body: '**markdown** never shows in a digest', labels: [], ...extra,
});
const merged = (number: number) => event(number, { name: 'pull_request', feature: 'pulls', action: 'merged', title: `PR ${number}` });
const closed = (number: number) => event(number, { action: 'closed' });
const comment = (number: number) => event(number, { name: 'issue_comment', feature: 'comments', action: 'created' });
const many = (count: number) => Array.from({ length: count }, (_, i) => event(i + 1));

describe('renderDigest for a burst', () => {
  it('folds a few events into one message, one line each, in order (zh-CN)', () => {
    expect(renderDigest('octo/hello', [event(1), merged(2), comment(3)], 'zh-CN')).toBe([
      '[octo/hello] 3 条新动态：',
      '· octocat 创建了工单 #1：Issue 1',
      '· octocat 合并了 PR #2：PR 2',
      '· octocat 评论了工单 #3：Issue 3',
    ].join('\n'));
  });

  it('folds a few events into one message (en), singular for one', () => {
    expect(renderDigest('octo/hello', [event(1), closed(2)], 'en')).toBe('[octo/hello] 2 new events:\n· octocat opened issue #1: Issue 1\n· octocat closed issue #2: Issue 2');
    expect(renderDigest('octo/hello', [event(1)], 'en').split('\n')[0]).toBe('[octo/hello] 1 new event:');
  });

  it(`shows all of ${DIGEST_LINES} events`, () => {
    const lines = renderDigest('octo/hello', many(DIGEST_LINES), 'en').split('\n');
    expect(lines).toHaveLength(DIGEST_LINES + 1);
    expect(lines.at(-1)).toBe(`· octocat opened issue #${DIGEST_LINES}: Issue ${DIGEST_LINES}`);
  });

  it('says how many more there are beyond that', () => {
    const en = renderDigest('octo/hello', many(25), 'en').split('\n');
    expect(en[0]).toBe('[octo/hello] 25 new events:');
    expect(en).toHaveLength(DIGEST_LINES + 1);
    expect(en.at(-2)).toBe('· octocat opened issue #9: Issue 9');
    expect(en.at(-1)).toBe('…and 16 more');
    expect(renderDigest('octo/hello', many(25), 'zh-CN').split('\n').at(-1)).toBe('…还有 16 条');
  });

  it('keeps each line short and plain, without addresses or bodies', () => {
    const long = event(7, { title: 'x'.repeat(300), actor: { login: 'a-rather-long-login-name', isBot: false } });
    const text = renderDigest('octo/hello', [long, event(8)], 'zh-CN');
    const lines = text.split('\n');
    expect([...lines[1]!].length).toBeLessThanOrEqual(DIGEST_LINE_MAX);
    expect(lines[1]).toContain('#7');
    expect(text).not.toContain('https://');
    expect(text).not.toContain('markdown');
  });

  it('names the repository of an event from another one', () => {
    expect(renderDigest('Octo/Hello', [event(1), event(2, { repo: 'octo/other' })], 'en').split('\n').slice(1)).toEqual([
      '· octocat opened issue #1: Issue 1',
      '· [octo/other] octocat opened issue #2: Issue 2',
    ]);
  });

  it('says so when there is nothing', () => {
    expect(renderDigest('octo/hello', [], 'zh-CN')).toBe('[octo/hello] 没有新动态。');
    expect(renderDigest('octo/hello', [], 'en')).toBe('[octo/hello] No new events.');
  });

  it('is also exported from render-event', () => {
    expect(reExported).toBe(renderDigest);
  });
});

describe('renderDigest for a period', () => {
  const day = [comment(1), merged(2), event(3), closed(4), event(5), merged(6), comment(7)];

  it('puts the opened / closed / merged counts first, and those events first (zh-CN)', () => {
    expect(renderDigest('octo/hello', day, 'zh-CN', { period: 'daily' })).toBe([
      '[octo/hello] 过去一天 7 条动态：',
      '新开 2 · 关闭 1 · 合并 2',
      '· octocat 创建了工单 #3：Issue 3',
      '· octocat 创建了工单 #5：Issue 5',
      '· octocat 关闭了工单 #4：Issue 4',
      '· octocat 合并了 PR #2：PR 2',
      '· octocat 合并了 PR #6：PR 6',
      '· octocat 评论了工单 #1：Issue 1',
      '· octocat 评论了工单 #7：Issue 7',
    ].join('\n'));
  });

  it('reads the same in English, weekly', () => {
    const lines = renderDigest('octo/hello', day, 'en', { period: 'weekly' }).split('\n');
    expect(lines.slice(0, 3)).toEqual(['[octo/hello] Events in the past week (7):', '2 opened · 1 closed · 2 merged', '· octocat opened issue #3: Issue 3']);
  });

  it('counts every event, shown or not, and leaves out zero counts', () => {
    const lines = renderDigest('octo/hello', [...many(30), merged(99)], 'en', { period: 'daily' }).split('\n');
    expect(lines[1]).toBe('30 opened · 1 merged');
    expect(lines.at(-1)).toBe('…and 22 more');
  });

  it('has no counts line when nothing was opened, closed or merged', () => {
    expect(renderDigest('octo/hello', [comment(1)], 'en', { period: 'daily' })).toBe('[octo/hello] Events in the past day (1):\n· octocat commented on issue #1: Issue 1');
  });
});
