import { describe, expect, it } from 'vitest';
import { parseSubscriptionCommand, repoOf, type ChangeCommand, type SubscriptionCommand } from '../../../src/core/notify/parse-subscription.js';
import { ALL_FEATURES } from '../../../src/core/notify/subscription.js';

const parse = (text: string) => parseSubscriptionCommand(text, ['OSSChat', '小助手']);
const sub = (extra: Partial<ChangeCommand> = {}): SubscriptionCommand => ({ kind: 'subscribe', repo: 'octo/hello', filters: {}, ...extra });
const unsub = (extra: Partial<ChangeCommand> = {}): SubscriptionCommand => ({ kind: 'unsubscribe', repo: 'octo/hello', filters: {}, ...extra });
const list: SubscriptionCommand = { kind: 'list' };

const valid: [string, SubscriptionCommand][] = [
  ['订阅 octo/hello', sub()],
  ['订阅octo/hello', sub()],
  ['订阅：octo/hello', sub()],
  ['请帮我订阅 octo/hello', sub()],
  ['订阅 octo/hello。', sub()],
  ['订阅 https://github.com/octo/hello', sub()],
  ['订阅 github.com/Octo/Hello/issues/3', sub()],
  ['/subscribe git@github.com:octo/hello.git', sub()],
  ['/subscribe https://www.github.com/octo/hello/', sub()],
  ['/subscribe octo/hello/', sub()],
  ['／subscribe octo/hello', sub()],
  ['/Subscribe OCTO/Hello', sub()],
  ['/github subscribe octo/hello', sub()],
  ['@OSSChat subscribe octo/hello', sub()],
  ['@OSSChat\u2005订阅 octo/hello', sub()],
  ['\u200B/subscribe octo/hello  ', sub()],
  ['/subscribe octo/socket.io', sub({ repo: 'octo/socket.io' })],
  ['订阅 octo/hello 工单 PR 发布', sub({ features: ['issues', 'pulls', 'releases'] })],
  ['订阅 octo/hello 工单、合并请求、评论', sub({ features: ['issues', 'pulls', 'comments'] })],
  ['订阅 octo/hello 讨论，发版', sub({ features: ['releases', 'discussions'] })],
  ['/subscribe octo/hello issues,pulls', sub({ features: ['issues', 'pulls'] })],
  ['/subscribe octo/hello Releases DISCUSSIONS issue', sub({ features: ['issues', 'releases', 'discussions'] })],
  ['/subscribe octo/hello pr comments', sub({ features: ['pulls', 'comments'] })],
  ['/subscribe octo/hello all', sub({ features: [...ALL_FEATURES] })],
  ['订阅 octo/hello 全部', sub({ features: [...ALL_FEATURES] })],
  ['/subscribe octo/hello +label:bug', sub({ filters: { labels: ['bug'] } })],
  ['/subscribe octo/hello label:bug +label:ui', sub({ filters: { labels: ['bug', 'ui'] } })],
  ['/subscribe octo/hello +label:bug,docs', sub({ filters: { labels: ['bug', 'docs'] } })],
  ['/subscribe octo/hello +label:"good first issue"', sub({ filters: { labels: ['good first issue'] } })],
  ['订阅 octo/hello 工单 +label：bug', sub({ features: ['issues'], filters: { labels: ['bug'] } })],
  ['订阅 octo/hello ＋label:bug', sub({ filters: { labels: ['bug'] } })],
  ['/subscribe octo/hello -label:wontfix -author:dependabot[bot]', sub({ filters: { excludeLabels: ['wontfix'], excludeActors: ['dependabot[bot]'] } })],
  ['/subscribe octo/hello bots:off', sub({ filters: { bots: false } })],
  ['/subscribe octo/hello bots:ON', sub({ filters: { bots: true } })],
  ['订阅 octo/hello PR actions:opened,merged', sub({ features: ['pulls'], filters: { actions: ['opened', 'merged'] } })],
  ['订阅 octo/hello 工单 actions:关闭', sub({ features: ['issues'], filters: { actions: ['closed'] } })],
  ['/subscribe octo/hello actions:all', sub({ filters: { actions: 'all' } })],
  ['/subscribe octo/hello digest:weekly', sub({ filters: { digest: 'weekly' } })],
  ['/subscribe octo/hello digest:off', sub({ filters: { digest: 'off' } })],
  ['订阅 octo/hello 工单 bots:off -author:renovate[bot] digest:daily', sub({ features: ['issues'], filters: { bots: false, excludeActors: ['renovate[bot]'], digest: 'daily' } })],
  ['取消订阅 octo/hello', unsub()],
  ['退订 octo/hello 评论', unsub({ features: ['comments'] })],
  ['/unsubscribe octo/hello comments discussions', unsub({ features: ['comments', 'discussions'] })],
  ['/unsubscribe https://github.com/octo/hello all', unsub({ features: [...ALL_FEATURES] })],
  ['/unsubscribe octo/hello +label:bug -author:bob', unsub({ filters: { labels: ['bug'], excludeActors: ['bob'] } })],
  ['订阅列表', list],
  ['查看订阅', list],
  ['订阅列表。', list],
  ['/subscriptions', list],
  ['/subscribe list', list],
  ['/subscribe list features', list],
  ['@OSSChat subscriptions', list],
  ['@小助手 订阅列表', list],
];

const malformed: [string, Record<string, unknown>][] = [
  ['/subscribe', { verb: 'subscribe', problem: 'missing-repo' }],
  ['/subscribe   ', { verb: 'subscribe', problem: 'missing-repo' }],
  ['/unsubscribe', { verb: 'unsubscribe', problem: 'missing-repo' }],
  ['@OSSChat subscribe', { verb: 'subscribe', problem: 'missing-repo' }],
  ['/subscribe notarepo', { problem: 'bad-repo', value: 'notarepo' }],
  ['/subscribe octo hello', { problem: 'bad-repo', value: 'octo' }],
  ['/unsubscribe notarepo', { verb: 'unsubscribe', problem: 'bad-repo', value: 'notarepo' }],
  ['/subscribe https://github.com/octo', { problem: 'bad-repo', value: 'https://github.com/octo' }],
  ['订阅 https://github.com/octo', { problem: 'bad-repo', value: 'https://github.com/octo' }],
  ['/subscribe octo/hello isues', { repo: 'octo/hello', problem: 'unknown-feature', value: 'isues', suggestion: 'issues' }],
  ['/subscribe octo/hello relases', { problem: 'unknown-feature', value: 'relases', suggestion: 'releases' }],
  ['订阅 octo/hello 讨论区', { problem: 'unknown-feature', value: '讨论区', suggestion: '讨论' }],
  ['订阅 octo/hello 工单 constructor', { problem: 'unknown-feature', value: 'constructor', suggestion: undefined }],
  ['/subscribe octo/hello octo/other', { problem: 'unknown-feature', value: 'octo/other' }],
  ['/subscribe octo/hello +lable:bug', { problem: 'unknown-filter', value: '+lable:bug', suggestion: '+label:bug' }],
  ['/subscribe octo/hello -autor:bob', { problem: 'unknown-filter', value: '-autor:bob', suggestion: '-author:bob' }],
  ['/subscribe octo/hello +bug', { problem: 'unknown-filter', value: '+bug', suggestion: '+label:bug' }],
  ['/subscribe octo/hello milestone:v1', { problem: 'unknown-filter', value: 'milestone:v1', suggestion: undefined }],
  ['/subscribe octo/hello digest:monthly', { problem: 'bad-value', value: 'digest:monthly', suggestion: undefined }],
  ['/subscribe octo/hello digest:dayly', { problem: 'bad-value', value: 'digest:dayly', suggestion: 'digest:daily' }],
  ['/subscribe octo/hello bots:maybe', { problem: 'bad-value', value: 'bots:maybe', expected: 'bots:off / bots:on' }],
  ['/subscribe octo/hello actions:opend', { problem: 'bad-value', value: 'actions:opend', suggestion: 'actions:opened' }],
  ['/subscribe octo/hello releases actions:opened', { problem: 'bad-value', value: 'actions:opened' }],
  ['/subscribe octo/hello +label:', { problem: 'bad-value', value: '+label:', expected: '+label:bug' }],
  ['/unsubscribe octo/hello bots:off', { verb: 'unsubscribe', problem: 'not-removable', value: 'bots:off', instead: 'bots:on' }],
  ['取消订阅 octo/hello digest:daily', { verb: 'unsubscribe', problem: 'not-removable', value: 'digest:daily', instead: 'digest:off' }],
];

const chat = [
  '',
  '   ',
  '订阅',
  '订阅了',
  '订阅号',
  '取消订阅',
  '退订了',
  '我订阅了这个公众号',
  '怎么订阅 release 通知？',
  '取消订阅怎么弄',
  '订阅 release 通知',
  '订阅 node.js 的发布',
  '订阅 a/b是什么意思',
  '大家记得订阅 octo/hello',
  '要不要订阅 octo/hello？',
  '订阅 octo/hello？',
  '已经订阅 octo/hello 了',
  '订阅列表在哪里',
  '@张三 订阅 octo/hello',
  'subscribe',
  'subscribe octo/hello',
  'subscriptions',
  'please subscribe to our newsletter',
  'I unsubscribed from the list',
  '/subscribed',
  '/subscribers',
  '/subscribe-me octo/hello',
  'see /subscribe octo/hello in the docs',
  '@OSSChatbot subscribe octo/hello',
  '/issue 5 订阅失败',
];

describe('parseSubscriptionCommand', () => {
  it('has enough cases of each kind', () => {
    expect(valid.length).toBeGreaterThanOrEqual(30);
    expect(malformed.length).toBeGreaterThanOrEqual(15);
    expect(chat.length).toBeGreaterThanOrEqual(15);
  });

  it.each(valid)('reads %j', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each(malformed)('answers %j with the right form', (text, expected) => {
    const { suggestion, ...rest } = expected;
    const parsed = parse(text);
    expect(parsed).toMatchObject({ kind: 'malformed', ...rest });
    if ('suggestion' in expected) expect((parsed as { suggestion?: string }).suggestion).toBe(suggestion);
  });

  it.each(chat)('leaves %j to the chat', (text) => {
    expect(parse(text)).toBeUndefined();
  });

  it('turns a long message away without reading it', () => {
    expect(parse(`/subscribe octo/hello ${'issues '.repeat(200)}`)).toBeUndefined();
  });
});

describe('repoOf', () => {
  it.each([
    ['octo/hello', 'octo/hello'],
    ['Octo/Hello.git', 'octo/hello'],
    ['https://github.com/Octo/Hello.git', 'octo/hello'],
    ['http://github.com/octo/hello?tab=readme', 'octo/hello'],
    ['octo/..', undefined],
    ['-octo/hello', undefined],
    ['octo/hello/issues', undefined],
    ['https://gitlab.com/octo/hello', undefined],
  ])('%s → %s', (token, expected) => {
    expect(repoOf(token)).toBe(expected);
  });
});
