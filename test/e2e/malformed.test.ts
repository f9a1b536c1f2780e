import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTable } from '../../src/core/commands/registry.js';
import { openStore } from '../../src/store/open-store.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli } from '../helpers/cli.js';

const ROOM = { id: 'r1', topic: 'OSSChat 开发者群' };
const usage = (name: string, locale: 'zh-CN' | 'en' = 'zh-CN') => commandTable().find((row) => row.name === name)!.usage[locale];

/** Typed as commands, wrongly; each gets the command's right form in reply. */
const NEAR_MISSES: [id: string, text: string, command: string][] = [
  ['n1', '以上条开工单', 'issue'],
  ['n2', '以上 abc 条开工单', 'issue'],
  ['n3', '/issues 5', 'issue'],
  ['n4', '订阅 wechaty', 'subscribe'],
  ['n5', '绑定 wechaty', 'bind'],
  ['n6', '#12 评论 已经修好了', 'comment'],
];

/** Ordinary chat that merely contains a command's words: no reply, and it may go into an issue. */
const CHAT: [string, string][] = [
  ['c1', '以上说的开工单功能很好用'],
  ['c2', '有人提issue了吗'],
  ['c3', 'I will open an issue later'],
  ['c4', '订阅号的文章不错'],
  ['c5', '绑定手机号以后就好了'],
  ['c6', '#12 评论区说得对'],
  ['c7', '/issues are annoying'],
];

let github: GitHubServer;
let said: { text: string; replyTo?: string }[];
let db: string;

beforeAll(async () => {
  github = await createGitHubServer({ repos: ['octo/hello'] });
  const dir = mkdtempSync(join(tmpdir(), 'osschat-malformed-'));
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, ['admins: ["boss"]', 'rooms:', `  - match: { topic: "${ROOM.topic}" }`, '    repo: octo/hello', 'github: { retries: 1, retryBaseMs: 10 }', ''].join('\n'));
  db = join(dir, 'osschat.db');
  let minute = 0;
  const line = ([id, text]: [string, string, ...unknown[]], from = { id: 'u1', name: '张三' }) =>
    JSON.stringify({ type: 'message', id, room: ROOM, from, text, ts: new Date(Date.UTC(2026, 10, 24, 2, minute++)).toISOString() });
  const input = [
    ...CHAT.map((chat) => line(chat)),
    line(['p1', '升级到 2.0 以后启动失败']),
    line(['p2', '日志里有 ENOENT'], { id: 'u2', name: '李四' }),
    ...NEAR_MISSES.map((miss) => line(miss)),
    line(['big', '以上三十万条开工单']),
    line(['show', '/bind'], { id: 'boss', name: '管理员' }),
    line(['sub', '/subscribe'], { id: 'boss', name: '管理员' }),
    line(['file', '以上两条开工单']),
    '',
  ].join('\n');
  const env = { OSSCHAT_CONFIG: config, DATABASE_URL: db, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' };
  const result = await runCli(['start', '--chat', 'stdio'], env, input);
  expect(result.code).toBe(0);
  said = result.stdout.trim().split('\n').filter(Boolean).map((text) => JSON.parse(text) as { text: string; replyTo?: string });
});
afterAll(async () => github.close());

const repliesTo = (id: string) => said.filter((say) => say.replyTo === id).map((say) => say.text);

describe('messages that look like a command but do not parse (built CLI, stdio)', () => {
  it.each(NEAR_MISSES)('%s %j gets one line with the right form of %s', (id, text, command) => {
    expect(repliesTo(id)).toEqual([`没看懂「${text}」。正确的写法：${usage(command)}（发送「帮助」列出所有命令）`]);
  });

  it('says the limit, the binding and the missing repository for commands that parse but cannot run as written', () => {
    expect(repliesTo('big')).toEqual(['一次最多 100 条消息，请写一个不超过 100 的数字。']);
    expect(repliesTo('show')[0]).toContain('绑定 owner/repo');
    expect(repliesTo('sub')).toEqual(['请写上仓库，格式是 owner/repo。\n' + '用法：订阅 owner/repo [工单 PR 发布 评论 讨论] [+label:bug -label:wontfix -author:dependabot[bot] bots:off actions:opened,closed digest:daily]，例如：订阅 wechaty/wechaty 工单 发布 +label:bug']);
  });

  it('leaves ordinary chat alone', () => {
    for (const [id] of CHAT) expect(repliesTo(id)).toEqual([]);
  });

  it('keeps near misses out of the next issue: it takes the two messages people wrote before them', async () => {
    expect(repliesTo('file')[0]).toMatch(/^已创建工单 #1/);
    const [issue] = github.state.issues('octo/hello');
    expect(issue!.body).toContain('升级到 2.0 以后启动失败');
    expect(issue!.body).toContain('日志里有 ENOENT');
    for (const [, text] of NEAR_MISSES) expect(issue!.body).not.toContain(text);
    const store = await openStore(db);
    try {
      const room = await store.rooms.findByExternalId('stdio', ROOM.id);
      const stored = new Map<string, string | null>();
      for await (const message of store.messages.streamRoom(room!.id)) stored.set(message.platformMsgId, message.command);
      for (const [id] of NEAR_MISSES) expect(stored.get(id)).toBe('malformed');
      for (const [id] of CHAT) expect(stored.get(id)).toBeNull();
    } finally {
      await store.close();
    }
  });
});
