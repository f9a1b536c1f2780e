import type { Locale } from '../types.js';
import { fill } from '../i18n/translate.js';

/**
 * Every phrase a forge notification is made of, in each locale. `{name}` marks a parameter.
 * A headline names no title: the renderer appends `title.separator` and the (cut) title.
 */
export const renderStrings = {
  'zh-CN': {
    'issue.opened': '{actor} 创建了工单 #{number}',
    'issue.closed': '{actor} 关闭了工单 #{number}',
    'issue.reopened': '{actor} 重新打开了工单 #{number}',
    'issue.labeled': '{actor} 给工单 #{number} 加了标签「{label}」',
    'issue.assigned': '{actor} 把工单 #{number} 指派给了 {assignee}',
    'issue.selfAssigned': '{actor} 认领了工单 #{number}',
    'issue.commented': '{actor} 评论了工单 #{number}',
    'pr.opened': '{actor} 提交了 PR #{number}',
    'pr.closed': '{actor} 关闭了 PR #{number}（未合并）',
    'pr.merged': '{actor} 合并了 PR #{number}',
    'pr.reopened': '{actor} 重新打开了 PR #{number}',
    'pr.ready': '{actor} 把 PR #{number} 标为可以评审',
    'pr.reviewRequested': '{actor} 请 {reviewer} 评审 PR #{number}',
    'pr.commented': '{actor} 评论了 PR #{number}',
    'review.approved': '{actor} 批准了 PR #{number}',
    'review.changesRequested': '{actor} 要求修改 PR #{number}',
    'review.commented': '{actor} 评审了 PR #{number} 并留下评论',
    'review.other': '{actor} 评审了 PR #{number}（{state}）',
    'release.published': '{actor} 发布了版本 {tag}',
    'discussion.created': '{actor} 发起了讨论 #{number}',
    'discussion.answered': '{actor} 为讨论 #{number} 选定了答案',
    'discussion.commented': '{actor} 评论了讨论 #{number}',
    'event.other': '{actor}：{name} {action}',
    'title.separator': '：',
    'fromThisRoom': '（本群开的工单）',
    'placeholder.code': '[代码]',
    'placeholder.image': '[图片]',
    'digest.header': '{count} 条新动态：',
    'digest.headerOne': '1 条新动态：',
    'digest.daily': '过去一天 {count} 条动态：',
    'digest.weekly': '过去一周 {count} 条动态：',
    'digest.none': '没有新动态。',
    'digest.opened': '新开 {count}',
    'digest.closed': '关闭 {count}',
    'digest.merged': '合并 {count}',
    'digest.more': '…还有 {count} 条',
  },
  en: {
    'issue.opened': '{actor} opened issue #{number}',
    'issue.closed': '{actor} closed issue #{number}',
    'issue.reopened': '{actor} reopened issue #{number}',
    'issue.labeled': '{actor} labeled issue #{number} "{label}"',
    'issue.assigned': '{actor} assigned issue #{number} to {assignee}',
    'issue.selfAssigned': '{actor} took issue #{number}',
    'issue.commented': '{actor} commented on issue #{number}',
    'pr.opened': '{actor} opened PR #{number}',
    'pr.closed': '{actor} closed PR #{number} without merging',
    'pr.merged': '{actor} merged PR #{number}',
    'pr.reopened': '{actor} reopened PR #{number}',
    'pr.ready': '{actor} marked PR #{number} ready for review',
    'pr.reviewRequested': '{actor} asked {reviewer} to review PR #{number}',
    'pr.commented': '{actor} commented on PR #{number}',
    'review.approved': '{actor} approved PR #{number}',
    'review.changesRequested': '{actor} requested changes on PR #{number}',
    'review.commented': '{actor} reviewed PR #{number} with comments',
    'review.other': '{actor} reviewed PR #{number} ({state})',
    'release.published': '{actor} published release {tag}',
    'discussion.created': '{actor} started discussion #{number}',
    'discussion.answered': '{actor} marked an answer in discussion #{number}',
    'discussion.commented': '{actor} commented on discussion #{number}',
    'event.other': '{actor}: {name} {action}',
    'title.separator': ': ',
    'fromThisRoom': ' (opened from this group)',
    'placeholder.code': '[code]',
    'placeholder.image': '[image]',
    'digest.header': '{count} new events:',
    'digest.headerOne': '1 new event:',
    'digest.daily': 'Events in the past day ({count}):',
    'digest.weekly': 'Events in the past week ({count}):',
    'digest.none': 'No new events.',
    'digest.opened': '{count} opened',
    'digest.closed': '{count} closed',
    'digest.merged': '{count} merged',
    'digest.more': '…and {count} more',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** A phrase's name; both locales have the same ones. */
export type RenderKey = keyof (typeof renderStrings)['zh-CN'];

/** The phrase `key` in `locale`, parameters filled in; an unknown `{name}` stays as written. */
export function phrase(locale: Locale, key: RenderKey, params: Record<string, string | number> = {}): string {
  return fill(renderStrings[locale][key], params);
}
