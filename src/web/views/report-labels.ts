import type { Locale } from '../../core/types.js';

const zh = {
  title: '社区分析报告', period: '时间范围', timeZone: '时区', generated: '生成于', messages: '消息', members: '活跃成员',
  newcomers: '新成员', questions: '提问', activeDays: '活跃天数', perDay: '每日消息', perWeek: '每周活跃', heatmap: '活跃时段（星期 × 小时）',
  topMembers: '最活跃成员', helpers: '最先回答的人', firstResponses: '首答次数', keywords: '热门关键词', trending: '上升的关键词',
  previous: '上一周期', links: '常见链接', repos: '提到的仓库', issues: '提到的工单', count: '次数', answered: '已回答',
  unanswered: '未回答的问题', medianResponse: '首次回复中位时间', minutes: '分钟', faqCandidates: '常见问题候选（可导出为 FAQ）',
  examples: '问法', suggestedAnswer: '参考回答', asker: '提问人', time: '时间', question: '问题', none: '暂无', term: '关键词',
  score: '得分', weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'], name: '成员', week: '周',
  unansweredTotal: '未回答（共 {n} 条，列出最近的）', all: '全部',
  busy: '报告正在生成，服务器正忙：请半分钟后刷新。',
};

const en: typeof zh = {
  title: 'Community report', period: 'Period', timeZone: 'Time zone', generated: 'Generated', messages: 'Messages', members: 'Active members',
  newcomers: 'Newcomers', questions: 'Questions', activeDays: 'Active days', perDay: 'Messages per day', perWeek: 'Weekly activity', heatmap: 'When people talk (weekday × hour)',
  topMembers: 'Top contributors', helpers: 'First responders', firstResponses: 'First replies', keywords: 'Top keywords', trending: 'Trending keywords',
  previous: 'Previous period', links: 'Top links', repos: 'Repositories mentioned', issues: 'Issues mentioned', count: 'Count', answered: 'Answered',
  unanswered: 'Unanswered questions', medianResponse: 'Median time to first reply', minutes: 'min', faqCandidates: 'FAQ candidates (exportable to the FAQ)',
  examples: 'Wordings', suggestedAnswer: 'Suggested answer', asker: 'Asked by', time: 'Time', question: 'Question', none: 'None yet', term: 'Keyword',
  score: 'Score', weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], name: 'Member', week: 'Week',
  unansweredTotal: 'Unanswered ({n} in all, newest listed)', all: 'all',
  busy: 'The report is being prepared and the server is busy: reload in half a minute.',
};

export type ReportLabels = typeof zh;

export function reportLabels(locale: Locale): ReportLabels {
  return locale === 'en' ? en : zh;
}
