import type { Locale } from '../../core/types.js';

const LABELS = {
  'zh-CN': {
    archive: '公开存档',
    home: '存档首页',
    rooms: '公开的群',
    noRooms: '还没有公开的群。',
    days: '按日期',
    latest: '最新讨论',
    conversations: '{count} 段讨论',
    messages: '{count} 条消息',
    search: '搜索',
    searchPlaceholder: '搜索讨论…',
    results: '“{query}” 的搜索结果',
    noResults: '没有找到相关讨论。',
    previous: '上一页',
    next: '下一页',
    page: '第 {page} / {pages} 页',
    earlier: '前一天',
    later: '后一天',
    issues: '由此创建的工单',
    edited: '已编辑',
    answers: '回复',
    feed: '订阅（Atom）',
    report: '本群的分析报告',
    privacy: '本存档由 OSSChat 生成：手机号、邮箱、微信号等已隐藏；群成员发送「不公开我的消息」即可移除自己的全部消息。',
    searching: '搜索中…',
    noScript: '静态存档的搜索需要 JavaScript。',
  },
  en: {
    archive: 'Public archive',
    home: 'Archive home',
    rooms: 'Public rooms',
    noRooms: 'No room is public yet.',
    days: 'By day',
    latest: 'Latest conversations',
    conversations: '{count} conversations',
    messages: '{count} messages',
    search: 'Search',
    searchPlaceholder: 'Search conversations…',
    results: 'Results for “{query}”',
    noResults: 'Nothing found.',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {page} of {pages}',
    earlier: 'Earlier day',
    later: 'Later day',
    issues: 'Issues opened from this conversation',
    edited: 'edited',
    answers: 'replying to',
    feed: 'Atom feed',
    report: 'Report on this room',
    privacy: 'Archived by OSSChat: phone numbers, e-mails and WeChat ids are hidden; members can say /archive optout to remove all their messages.',
    searching: 'Searching…',
    noScript: 'Search in the static archive needs JavaScript.',
  },
} as const;

export type ArchiveLabel = keyof (typeof LABELS)['en'];

/** A page label in the room's language, `{name}` filled. */
export function label(locale: Locale, key: ArchiveLabel, params: Record<string, string | number> = {}): string {
  return LABELS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** A time as people read it in the archive's zone: 2026-11-24 10:00. */
export function formatTime(date: Date, timeZone: string): string {
  let format = TIME_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    TIME_FORMATS.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

const TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();
