import { describe, expect, it } from 'vitest';
import type { ForgeEvent } from '../../../src/core/notify/forge-event.js';
import { letsThrough, type SubscriptionFilters } from '../../../src/core/notify/subscription.js';

const event = (extra: Partial<ForgeEvent> = {}): ForgeEvent => ({
  deliveryId: 'd', name: 'issues', action: 'opened', feature: 'issues', repo: 'octo/hello',
  actor: { login: 'octocat', isBot: false }, number: 1, title: 't', url: 'https://github.com/octo/hello/issues/1', labels: ['bug', 'ui'], ...extra,
});
const sub = (filters: SubscriptionFilters, features: ForgeEvent['feature'][] = ['issues', 'pulls']) => ({ repo: 'Octo/Hello', features, filters });

describe('letsThrough', () => {
  it.each<[string, SubscriptionFilters, Partial<ForgeEvent>, boolean]>([
    ['no filter', {}, {}, true],
    ['other repository', {}, { repo: 'octo/other' }, false],
    ['feature not subscribed', {}, { feature: 'releases' }, false],
    ['+label matches any', { labels: ['docs', 'BUG'] }, {}, true],
    ['+label misses', { labels: ['docs'] }, {}, false],
    ['-label excludes', { excludeLabels: ['ui'] }, {}, false],
    ['-author excludes', { excludeActors: ['dependabot[bot]'] }, { actor: { login: 'dependabot[bot]', isBot: true } }, false],
    ['bots:off drops bots', { bots: false }, { actor: { login: 'renovate[bot]', isBot: true } }, false],
    ['bots:off keeps people', { bots: false }, {}, true],
    ['actions allow', { actions: { issues: ['opened', 'closed'] } }, {}, true],
    ['actions refuse', { actions: { issues: ['closed'] } }, {}, false],
    ['actions of another feature do not apply', { actions: { pulls: ['merged'] } }, {}, true],
  ])('%s', (_name, filters, extra, expected) => {
    expect(letsThrough(sub(filters), event(extra))).toBe(expected);
  });
});
