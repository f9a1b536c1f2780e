import { describe, expect, it } from 'vitest';
import { describeSubscription } from '../../../src/core/notify/describe-subscription.js';
import { applySubscribe, applyUnsubscribe, type SubscriptionState } from '../../../src/core/notify/subscribe-merge.js';

const state = (extra: Partial<SubscriptionState> = {}): SubscriptionState => ({ features: ['issues', 'pulls', 'releases'], filters: {}, ...extra });

describe('applySubscribe', () => {
  it('starts with the default features', () => {
    expect(applySubscribe(undefined, { filters: {} })).toEqual(state());
  });

  it('replaces the features named, in a fixed order, and keeps them when none are named', () => {
    const current = state({ filters: { labels: ['bug'] } });
    expect(applySubscribe(current, { features: ['comments', 'issues'], filters: {} })).toEqual({ features: ['issues', 'comments'], filters: { labels: ['bug'] } });
    expect(applySubscribe(current, { filters: { bots: false } })).toEqual(state({ filters: { labels: ['bug'], bots: false } }));
  });

  it('adds labels and authors without repeats, and a label moves between wanted and excluded', () => {
    const current = state({ filters: { labels: ['Bug'], excludeLabels: ['docs'], excludeActors: ['a'] } });
    const next = applySubscribe(current, { filters: { labels: ['bug', 'docs'], excludeLabels: ['ui'], excludeActors: ['a', 'b'] } });
    expect(next.filters).toEqual({ labels: ['Bug', 'docs'], excludeLabels: ['ui'], excludeActors: ['a', 'b'] });
  });

  it('drops the keys that mean no restriction', () => {
    const current = state({ filters: { bots: false, digest: 'daily', actions: { issues: ['opened'] } } });
    expect(applySubscribe(current, { filters: { bots: true, digest: 'off', actions: 'all' } })).toEqual(state());
  });

  it('applies actions to the features named with them, each keeping the actions it knows', () => {
    const current = state({ filters: { actions: { releases: ['published'] } } });
    const next = applySubscribe(current, { features: ['issues', 'pulls', 'releases', 'comments'], filters: { actions: ['opened', 'merged'] } });
    expect(next.filters.actions).toEqual({ issues: ['opened'], pulls: ['opened', 'merged'], releases: ['published'] });
  });

  it('applies actions to every subscribed feature when the command names none', () => {
    const next = applySubscribe(state({ features: ['issues', 'discussions'] }), { filters: { actions: ['closed'] } });
    expect(next.filters.actions).toEqual({ issues: ['closed'], discussions: ['closed'] });
  });

  it('forgets the actions of a feature no longer subscribed', () => {
    const next = applySubscribe(state({ filters: { actions: { pulls: ['merged'] } } }), { features: ['issues'], filters: {} });
    expect(next).toEqual({ features: ['issues'], filters: {} });
  });
});

describe('applyUnsubscribe', () => {
  const current = state({ filters: { labels: ['bug', 'ui'], excludeActors: ['bob'], actions: { releases: ['published'] } } });

  it('removes the whole subscription when nothing is named, or nothing is left', () => {
    expect(applyUnsubscribe(current, { filters: {} })).toBeUndefined();
    expect(applyUnsubscribe(current, { features: ['issues', 'pulls', 'releases'], filters: {} })).toBeUndefined();
  });

  it('removes the features named, and their actions', () => {
    expect(applyUnsubscribe(current, { features: ['releases', 'comments'], filters: {} })).toEqual({ features: ['issues', 'pulls'], filters: { labels: ['bug', 'ui'], excludeActors: ['bob'] } });
  });

  it('takes labels and authors out of the filters', () => {
    expect(applyUnsubscribe(current, { filters: { labels: ['BUG', 'ui'], excludeActors: ['bob'] } })?.filters).toEqual({ actions: { releases: ['published'] } });
  });
});

describe('describeSubscription', () => {
  const sub = { repo: 'octo/hello', features: ['issues', 'pulls', 'releases'] as const, filters: { labels: ['bug'], excludeActors: ['dependabot[bot]'], bots: false } };

  it('says what the subscription lets through, in each language', () => {
    expect(describeSubscription({ ...sub, features: [...sub.features] }, 'zh-CN')).toBe('octo/hello：工单、PR、发布；只含标签 bug；不含 dependabot[bot]；不含机器人');
    expect(describeSubscription({ ...sub, features: [...sub.features] }, 'en')).toBe('octo/hello: issues, pulls, releases; only label bug; not by dependabot[bot]; no bots');
  });

  it('shows actions after their feature, and every other filter', () => {
    const full = { repo: 'octo/hello', features: ['issues' as const, 'comments' as const], filters: { actions: { issues: ['opened', 'closed'] }, labels: ['bug', 'ui'], excludeLabels: ['wontfix'], digest: 'weekly' as const } };
    expect(describeSubscription(full, 'zh-CN')).toBe('octo/hello：工单（opened、closed）、评论；只含标签 bug 或 ui；不含标签 wontfix；每周汇总');
    expect(describeSubscription(full, 'en')).toBe('octo/hello: issues (opened, closed), comments; only label bug or ui; not labelled wontfix; weekly digest');
  });
});
