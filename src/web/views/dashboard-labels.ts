import type { Locale } from '../../core/types.js';

const zh = {
  title: 'OSSChat 管理后台', rooms: '群', faq: '知识库', health: '运行状况', signOut: '退出', tenant: '社区',
  room: '群', repo: '仓库', subscriptions: '订阅', archive: '公开归档', report: '分析报告', actions: '操作', save: '保存',
  noRooms: '还没有绑定的群。先在下面创建绑定，再到群里发送绑定码。', release: '移出本社区', public: '公开', private: '不公开',
  makePublic: '设为公开', makePrivate: '设为不公开', subscribe: '添加/修改订阅', subscribeHint: 'owner/repo issues pulls +label:bug',
  unsubscribe: '取消', newBinding: '绑定一个群', bindRepo: '仓库（owner/repo）', createCode: '生成绑定码',
  codeSay: '在群里发送下面这句话即可完成绑定（一次有效，到期时间 {expires}）：', openCodes: '未使用的绑定码', expires: '到期',
  question: '问题（每行一个说法）', answer: '答案', url: '链接', tags: '标签', add: '添加', edit: '编辑', delete: '删除',
  votes: '有用 / 没用', hits: '命中', importTitle: '导入（YAML、CSV 或 Markdown）', importFormat: '格式', import: '导入',
  imported: '导入 {done} 条，{errors} 条有误', noFaq: '知识库还是空的。', queue: '队列', pending: '等待', running: '执行中',
  done: '完成', failed: '失败', failedJobs: '失败的任务', error: '错误', attempts: '次数', retry: '重试', noFailed: '没有失败的任务。',
  deliveries: '最近的 Webhook', event: '事件', received: '收到时间', noDeliveries: '还没有收到 Webhook。', kind: '类型',
  admins: '管理员', addAdmin: '添加管理员（GitHub 用户名）', remove: '移除',
  notFound: '找不到，或不属于这个社区。', invalidRepo: '「{value}」不是仓库名，格式是 owner/repo。', language: 'English',
  repoNoProof: '不能使用 {repo}：你的 GitHub 账号 {login} 对它没有 push、maintain 或 admin 权限，{tenant} 账号也没有在它上面安装 OSSChat GitHub App。请让维护者给你写权限，或用 {tenant} 账号给它安装 App。',
  repoSignInAgain: '不能确认你对 {repo} 的权限：GitHub 登录已失效。请退出后重新登录再试。',
  repoUnchecked: '暂时无法向 GitHub 确认你对 {repo} 的权限，请稍后再试。',
  optedIn: '本群已同意公开', notOptedIn: '本群还没有同意公开。需要群管理员在群里发送「公开存档 开」（或 /archive on），之后才能在这里设为公开。',
  notOptedInRefused: '不能公开「{room}」的存档：群里还没有同意公开。请群管理员在群里发送「公开存档 开」（或 /archive on）。',
  selfHosted: '本机的群', selfHostedIntro: '这台 OSSChat 自己的群：在 osschat.yaml 里配置的，或在群里绑定的（不属于任何社区）。只有 dashboard.admins 里的 GitHub 账号能看到这一页。',
  noSelfHostedRooms: '机器人还没有在任何群里收到消息。', notSeenYet: 'osschat.yaml 里配置了、但机器人还没有在其中收到消息的群：',
  boundInChat: '群里绑定', boundInConfig: 'osschat.yaml', unbound: '未绑定仓库',
} as const;

export type DashboardLabels = { readonly [K in keyof typeof zh]: string };

const en: DashboardLabels = {
  title: 'OSSChat dashboard', rooms: 'Rooms', faq: 'FAQ', health: 'Health', signOut: 'Sign out', tenant: 'Community',
  room: 'Room', repo: 'Repository', subscriptions: 'Subscriptions', archive: 'Public archive', report: 'Report', actions: 'Actions', save: 'Save',
  noRooms: 'No room is bound yet. Create a binding below, then say the code in the group.', release: 'Remove from this community', public: 'public', private: 'private',
  makePublic: 'Make public', makePrivate: 'Make private', subscribe: 'Add or change a subscription', subscribeHint: 'owner/repo issues pulls +label:bug',
  unsubscribe: 'Remove', newBinding: 'Bind a group', bindRepo: 'Repository (owner/repo)', createCode: 'Create a bind code',
  codeSay: 'Say this in the group to bind it (valid once, until {expires}):', openCodes: 'Unused bind codes', expires: 'Expires',
  question: 'Question (one wording per line)', answer: 'Answer', url: 'Link', tags: 'Tags', add: 'Add', edit: 'Edit', delete: 'Delete',
  votes: 'Helpful / not', hits: 'Hits', importTitle: 'Import (YAML, CSV or Markdown)', importFormat: 'Format', import: 'Import',
  imported: 'Imported {done}, {errors} with errors', noFaq: 'The knowledge base is empty.', queue: 'Queue', pending: 'pending', running: 'running',
  done: 'done', failed: 'failed', failedJobs: 'Failed jobs', error: 'Error', attempts: 'Attempts', retry: 'Retry', noFailed: 'No failed job.',
  deliveries: 'Recent webhook deliveries', event: 'Event', received: 'Received', noDeliveries: 'No webhook delivery yet.', kind: 'Kind',
  admins: 'Administrators', addAdmin: 'Add an administrator (GitHub login)', remove: 'Remove',
  notFound: 'Not found, or not this community\'s.', invalidRepo: '"{value}" is not a repository name: use owner/repo.', language: '中文',
  repoNoProof: 'Cannot use {repo}: your GitHub account {login} has no push, maintain or admin permission on it, and the OSSChat GitHub App is not installed on it by {tenant}. Ask a maintainer for write access, or install the App on it from the {tenant} account.',
  repoSignInAgain: 'Cannot check your permission on {repo}: your GitHub sign-in has expired. Sign out, sign in again and retry.',
  repoUnchecked: 'GitHub did not answer when checking your permission on {repo}; try again in a moment.',
  optedIn: 'the room opted in', notOptedIn: 'The room has not opted in. A chat admin says "公开存档 开" (or /archive on) in the room; then it can be made public here.',
  notOptedInRefused: 'Cannot publish the archive of "{room}": the room has not opted in. A chat admin says "公开存档 开" (or /archive on) in the room first.',
  selfHosted: 'This installation', selfHostedIntro: 'The rooms of this OSSChat itself: configured in osschat.yaml or bound in chat (no community owns them). Only the GitHub accounts in dashboard.admins see this page.',
  noSelfHostedRooms: 'The bot has not received a message in any group yet.', notSeenYet: 'Configured in osschat.yaml, but the bot has not received a message there yet:',
  boundInChat: 'bound in chat', boundInConfig: 'osschat.yaml', unbound: 'no repository',
};

export function dashboardLabels(locale: Locale): DashboardLabels {
  return locale === 'en' ? en : zh;
}

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
