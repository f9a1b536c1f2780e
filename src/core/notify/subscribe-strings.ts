import type { Locale } from '../types.js';
import { fill } from '../i18n/translate.js';

const en = {
  'feature.issues': 'issues',
  'feature.pulls': 'pulls',
  'feature.releases': 'releases',
  'feature.comments': 'comments',
  'feature.discussions': 'discussions',
  'describe.head': '{repo}: {features}',
  'describe.actions': '{feature} ({actions})',
  'describe.onlyLabels': 'only label {labels}',
  'describe.notLabels': 'not labelled {labels}',
  'describe.notBy': 'not by {actors}',
  'describe.noBots': 'no bots',
  'describe.daily': 'daily digest',
  'describe.weekly': 'weekly digest',
  'describe.or': ' or ',
  'describe.and': ', ',
  'describe.parts': '; ',
  subscribed: 'Subscribed to {subscription}',
  updated: 'Updated the subscription to {subscription}',
  already: 'Already subscribed to {subscription}',
  removed: 'Unsubscribed from {repo}.',
  reduced: 'Stopped {features} from {repo}. Still subscribed to {subscription}',
  notSubscribed: 'This room is not subscribed to {repo}. Say /subscriptions to see what it is subscribed to.',
  listHead: 'This room is subscribed to:',
  listItem: '· {subscription}',
  listEmpty: 'This room is not subscribed to any repository. An admin can subscribe it with /subscribe owner/repo, e.g. /subscribe wechaty/wechaty',
  denied: 'Sorry, only admins can change subscriptions. Anyone can see them with /subscriptions.',
  missingRepo: 'Which repository? Write it as owner/repo.',
  badRepo: '"{value}" is not a repository. Write it as owner/repo or a github.com address.',
  unknownFeature: 'I do not know "{value}".',
  unknownFilter: 'I do not know the filter "{value}".',
  badValue: '"{value}" is not right; write {expected}.',
  notRemovable: '"{value}" is not removed with /unsubscribe; say "/subscribe {repo} {instead}".',
  didYouMean: 'Did you mean "{suggestion}"?',
  usageSubscribe: 'Usage: /subscribe owner/repo [issues pulls releases comments discussions] [+label:bug -label:wontfix -author:dependabot[bot] bots:off actions:opened,closed digest:daily], e.g. /subscribe wechaty/wechaty issues releases +label:bug',
  usageUnsubscribe: 'Usage: /unsubscribe owner/repo [issues pulls releases comments discussions] [+label:bug -author:login]; without features it removes the whole subscription.',
};

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  'feature.issues': '工单',
  'feature.pulls': 'PR',
  'feature.releases': '发布',
  'feature.comments': '评论',
  'feature.discussions': '讨论',
  'describe.head': '{repo}：{features}',
  'describe.actions': '{feature}（{actions}）',
  'describe.onlyLabels': '只含标签 {labels}',
  'describe.notLabels': '不含标签 {labels}',
  'describe.notBy': '不含 {actors}',
  'describe.noBots': '不含机器人',
  'describe.daily': '每日汇总',
  'describe.weekly': '每周汇总',
  'describe.or': ' 或 ',
  'describe.and': '、',
  'describe.parts': '；',
  subscribed: '已订阅 {subscription}',
  updated: '已更新订阅 {subscription}',
  already: '本群已订阅 {subscription}',
  removed: '已取消订阅 {repo}。',
  reduced: '已取消 {repo} 的{features}。仍订阅 {subscription}',
  notSubscribed: '本群没有订阅 {repo}。发送「订阅列表」可以查看本群的订阅。',
  listHead: '本群的订阅：',
  listItem: '· {subscription}',
  listEmpty: '本群还没有订阅任何仓库。管理员可以发送「订阅 owner/repo」，例如：订阅 wechaty/wechaty',
  denied: '抱歉，只有管理员可以订阅或取消订阅。发送「订阅列表」可以查看本群的订阅。',
  missingRepo: '请写上仓库，格式是 owner/repo。',
  badRepo: '「{value}」不是仓库名，格式是 owner/repo 或 GitHub 链接。',
  unknownFeature: '不认识「{value}」。',
  unknownFilter: '不认识筛选条件「{value}」。',
  badValue: '「{value}」写得不对，可以写：{expected}。',
  notRemovable: '「{value}」不能用取消订阅去掉；请发送「订阅 {repo} {instead}」。',
  didYouMean: '你是不是想写「{suggestion}」？',
  usageSubscribe: '用法：订阅 owner/repo [工单 PR 发布 评论 讨论] [+label:bug -label:wontfix -author:dependabot[bot] bots:off actions:opened,closed digest:daily]，例如：订阅 wechaty/wechaty 工单 发布 +label:bug',
  usageUnsubscribe: '用法：取消订阅 owner/repo [工单 PR 发布 评论 讨论] [+label:bug -author:账号]；不写功能就取消整个订阅。',
};

/** Every sentence the subscription commands say, in each locale. `{name}` marks a parameter. */
export const subscribeStrings: Record<Locale, Record<Key, string>> = { 'zh-CN': zh, en };

export type SubscribeStringKey = Key;

/** The sentence `key` in `locale`, parameters filled in. */
export function say(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return fill(subscribeStrings[locale][key], params);
}
