import type { RoomView } from '../../core/archive/archive-views.js';
import type { Locale } from '../../core/types.js';
import { escapeHtml } from './escape-html.js';

export interface LandingView {
  locale: Locale;
  version: string;
  /** Rooms whose archive is public (empty: no archive link). */
  publicRooms: RoomView[];
  /** A report link beside each public room (the /report route is served). */
  reports: boolean;
  /** The dashboard is served (a GitHub OAuth app is configured). */
  dashboard: boolean;
}

const LABELS = {
  'zh-CN': {
    tagline: '把社区群聊变成 GitHub 工单、通知、常见问题解答和公开存档的机器人。', archive: '公开存档', rooms: '公开的群', report: '分析报告',
    dashboard: '管理后台', dashboardHint: '用 GitHub 账号登录，管理群、知识库和任务', health: '运行状态', healthHint: '给监控用的 JSON', other: 'English', otherLang: 'en',
  },
  en: {
    tagline: 'A bot that turns community chat groups into GitHub issues, notifications, FAQ answers and a public archive.', archive: 'Public archive', rooms: 'Public rooms', report: 'report',
    dashboard: 'Dashboard', dashboardHint: 'sign in with GitHub to manage rooms, the FAQ and jobs', health: 'Health', healthHint: 'JSON for monitoring', other: '中文', otherLang: 'zh-CN',
  },
} as const;

const STYLE = `:root{color-scheme:light dark}body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem}h1 small{font-size:.9rem;font-weight:normal;opacity:.7}li{margin:.3rem 0}`;

function roomList(view: LandingView): string {
  const l = LABELS[view.locale];
  const items = view.publicRooms.map((room) => {
    const report = view.reports ? ` · <a href="/report/${room.id}">${escapeHtml(l.report)}</a>` : '';
    return `<li><a href="/archive/${room.id}/" lang="${room.locale}">${escapeHtml(room.name)}</a>${report}</li>`;
  });
  return `<h2>${escapeHtml(l.rooms)}</h2><ul>${items.join('')}</ul>`;
}

/** `GET /`: what this server offers (archive, dashboard, health) and which version it runs. */
export function renderLandingPage(view: LandingView): string {
  const l = LABELS[view.locale];
  const links = [
    view.publicRooms.length ? `<li><a href="/archive/">${escapeHtml(l.archive)}</a></li>` : '',
    view.dashboard ? `<li><a href="/dashboard">${escapeHtml(l.dashboard)}</a> — ${escapeHtml(l.dashboardHint)}</li>` : '',
    `<li><a href="/healthz">${escapeHtml(l.health)}</a> — ${escapeHtml(l.healthHint)}</li>`,
  ].join('');
  return `<!doctype html>
<html lang="${view.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>OSSChat</title><meta name="description" content="${escapeHtml(l.tagline)}"><style>${STYLE}</style></head>
<body><main><h1>OSSChat <small>v${escapeHtml(view.version)}</small></h1><p>${escapeHtml(l.tagline)}</p>
<ul>${links}</ul>${view.publicRooms.length ? roomList(view) : ''}
<p><a href="/?lang=${l.otherLang}">${escapeHtml(l.other)}</a></p></main></body></html>
`;
}
