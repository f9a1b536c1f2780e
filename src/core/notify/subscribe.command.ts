import type { Command } from '../commands/command.js';
import { looksLikeSubscribe } from '../commands/near-miss-forms.js';
import type { ChatContext } from '../context.js';
import { refuse } from '../admins/refuse.js';
import type { Locale } from '../types.js';
import { describeFeatures, describeSubscription } from './describe-subscription.js';
import { parseSubscriptionCommand, type ChangeCommand, type SubscriptionCommand } from './parse-subscription.js';
import { applySubscribe, applyUnsubscribe, type SubscriptionState } from './subscribe-merge.js';
import { say } from './subscribe-strings.js';
import type { Subscription } from './subscription.js';

/** Who may subscribe the room to a repository and unsubscribe it; anyone may list. */
export type SubscribePolicy = 'admins' | 'everyone';

type Malformed = Extract<SubscriptionCommand, { kind: 'malformed' }>;

// Keys sorted: the same filters read back from the store may list their keys in another order.
const canonical = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(canonical)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
  : value;
const same = (a: SubscriptionState, b: SubscriptionState) => JSON.stringify(canonical([a.features, a.filters])) === JSON.stringify(canonical([b.features, b.filters]));

function problemLine(locale: Locale, args: Malformed): string {
  switch (args.problem) {
    case 'missing-repo': return say(locale, 'missingRepo');
    case 'bad-repo': return say(locale, 'badRepo', { value: args.value });
    case 'unknown-feature': return say(locale, 'unknownFeature', { value: args.value });
    case 'unknown-filter': return say(locale, 'unknownFilter', { value: args.value });
    case 'bad-value': return say(locale, 'badValue', { value: args.value, expected: args.expected });
    case 'not-removable': return say(locale, 'notRemovable', { value: args.value, repo: args.repo ?? 'owner/repo', instead: args.instead });
  }
}

/** What was wrong, a did-you-mean when a word is near a known one, and the right form. */
function malformedReply(locale: Locale, args: Malformed): string {
  const suggestion = 'suggestion' in args && args.suggestion ? say(locale, 'didYouMean', { suggestion: args.suggestion }) : undefined;
  const first = [problemLine(locale, args), suggestion].filter(Boolean).join(locale === 'en' ? ' ' : '');
  return `${first}\n${say(locale, args.verb === 'subscribe' ? 'usageSubscribe' : 'usageUnsubscribe')}`;
}

async function listReply(ctx: ChatContext): Promise<string> {
  const subscriptions = await ctx.store.subscriptions.ofRoom(ctx.room.id);
  if (subscriptions.length === 0) return say(ctx.locale, 'listEmpty');
  const items = subscriptions.map((sub) => say(ctx.locale, 'listItem', { subscription: describeSubscription(sub, ctx.locale) }));
  return [say(ctx.locale, 'listHead'), ...items].join('\n');
}

async function subscribe(ctx: ChatContext, args: ChangeCommand): Promise<string> {
  // One transaction: two changes to the same subscription never overwrite each other.
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.subscriptions.ofRoom(ctx.room.id)).find((sub) => sub.repo === args.repo);
    const next = applySubscribe(current, args);
    const saved = await tx.subscriptions.upsert({ roomId: ctx.room.id, repo: args.repo, ...next });
    const key = !current ? 'subscribed' : same(current, next) ? 'already' : 'updated';
    return say(ctx.locale, key, { subscription: describeSubscription(saved, ctx.locale) });
  });
}

async function unsubscribe(ctx: ChatContext, args: ChangeCommand): Promise<string> {
  return ctx.store.transaction(async (tx) => {
    const current = (await tx.subscriptions.ofRoom(ctx.room.id)).find((sub) => sub.repo === args.repo);
    if (!current) return say(ctx.locale, 'notSubscribed', { repo: args.repo });
    const next = applyUnsubscribe(current, args);
    if (!next) {
      await tx.subscriptions.remove(ctx.room.id, args.repo);
      return say(ctx.locale, 'removed', { repo: args.repo });
    }
    const saved = await tx.subscriptions.upsert({ roomId: ctx.room.id, repo: args.repo, ...next });
    return changedReply(ctx.locale, current, saved);
  });
}

function changedReply(locale: Locale, before: Subscription, after: Subscription): string {
  const stopped = before.features.filter((feature) => !after.features.includes(feature));
  const subscription = describeSubscription(after, locale);
  if (stopped.length === 0) return say(locale, same(before, after) ? 'already' : 'updated', { subscription });
  return say(locale, 'reduced', { repo: after.repo, features: describeFeatures(stopped, locale), subscription });
}

async function run(ctx: ChatContext, args: SubscriptionCommand, policy: SubscribePolicy): Promise<void> {
  if (args.kind === 'list') return ctx.reply(await listReply(ctx));
  if (args.kind === 'malformed') return ctx.reply(malformedReply(ctx.locale, args));
  if (policy === 'admins' && !ctx.isAdmin) return refuse(ctx, { command: 'subscribe', reason: say(ctx.locale, 'denied') });
  await ctx.reply(args.kind === 'subscribe' ? await subscribe(ctx, args) : await unsubscribe(ctx, args));
}

/**
 * The subscription commands (`订阅`, `取消订阅`, `订阅列表`, `/subscribe`, `/unsubscribe`,
 * `/subscriptions`). The table's permission is `anyone` because listing is for everyone; with the
 * `admins` policy, subscribing and unsubscribing are checked in `run`.
 */
export function createSubscribeCommand(policy: SubscribePolicy = 'admins'): Command<SubscriptionCommand> {
  return {
    name: 'subscribe',
    usage: { 'zh-CN': '订阅 owner/repo [工单 PR 发布 评论 讨论] [+label:bug …] · 取消订阅 owner/repo · 订阅列表', en: '/subscribe owner/repo [issues pulls releases comments discussions] [+label:bug …] · /unsubscribe owner/repo · /subscriptions' },
    help: { 'zh-CN': '把仓库的 GitHub 动态推送到本群（管理员）；订阅列表人人可看', en: 'post a repository’s GitHub events in this room (admins); anyone can list them' },
    permission: 'anyone',
    parse: (text, info) => parseSubscriptionCommand(text, info.botNames),
    looksLike: looksLikeSubscribe,
    run: (ctx, args) => run(ctx, args, policy),
  };
}

/** The subscription commands with the default policy: only admins change subscriptions. */
export const subscribeCommand: Command<SubscriptionCommand> = createSubscribeCommand();
