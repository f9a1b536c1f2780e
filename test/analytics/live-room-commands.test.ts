import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../src/core/analytics/analytics-report.js';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import { createWebApp } from '../../src/web/app.js';
import { storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli } from '../helpers/cli.js';

const ROOM = { id: 'r1', topic: 'OSSChat 开发者群' };

/** What people talk about in the room. */
const PEOPLE = [
  '升级到 2.0 以后 webhook 收不到事件',
  'webhook 的密钥配置对了吗',
  '密钥是对的，日志里 webhook 返回 401',
  '数据库连接池满了也会这样',
  '数据库换成 PostgreSQL 以后就好了',
  'PostgreSQL 的连接池要调大',
];
/** Commands and near misses typed in between: none is a topic of the room. */
const COMMANDS = ['以上两条开工单', '以上三条开工单', '以上条开工单', '以上 abc 条开工单', '帮助', '/help issue', '订阅 octo/hello', '以上开工单'];

let github: GitHubServer;
let env: Record<string, string>;

beforeAll(async () => {
  github = await createGitHubServer({ repos: ['octo/hello'] });
  const dir = mkdtempSync(join(tmpdir(), 'osschat-live-commands-'));
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, ['admins: ["boss"]', 'rooms:', `  - match: { topic: "${ROOM.topic}" }`, '    repo: octo/hello', 'github: { retries: 1, retryBaseMs: 10 }', 'archive: { baseUrl: "http://archive.test/archive" }', ''].join('\n'));
  env = { OSSCHAT_CONFIG: config, DATABASE_URL: join(dir, 'osschat.db'), GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token', LOG_LEVEL: 'warn' };
  let minute = 0;
  const line = (text: string, from = { id: `u${minute % 3}`, name: `成员${minute % 3}` }) =>
    JSON.stringify({ type: 'message', id: `m${minute}`, room: ROOM, from, text, ts: new Date(Date.UTC(2026, 10, 24, 2, minute++)).toISOString() });
  const input = [line('公开存档 开', { id: 'boss', name: '管理员' })];
  PEOPLE.forEach((text, i) => input.push(line(text), line(COMMANDS[i]!), ...(i === 0 ? [line(COMMANDS[6]!), line(COMMANDS[7]!)] : [])));
  const result = await runCli(['start', '--chat', 'stdio'], env, `${input.join('\n')}\n`);
  expect(result.code).toBe(0);
  // The bot answered every command: its replies are in the log too.
  expect(result.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(COMMANDS.length + 1);
});
afterAll(async () => github.close());

describe('analytics and the archive of a live room leave out commands and the bot (built CLI, stdio)', () => {
  it('osschat analyze counts only what people said: no 以上, 开工单 or 帮助 among the keywords', async () => {
    const result = await runCli(['analyze', '--room', ROOM.topic, '--json'], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AnalyticsReport;
    expect(report.totals.messages).toBe(PEOPLE.length);
    const terms = report.keywords.map((keyword) => keyword.term);
    expect(terms).toEqual(expect.arrayContaining(['webhook', '数据库']));
    for (const word of ['以上', '开工单', '工单', '条', 'abc', '帮助', 'help', 'issue', '订阅', '已创建工单', '创建']) expect(terms).not.toContain(word);
  });

  it('the archive shows what people said and no command, near miss or bot reply', async () => {
    const store = await openStore(env.DATABASE_URL!);
    try {
      const app = createWebApp({ health: { pingDatabase: async () => undefined, chatState: () => 'ready' }, archive: storeArchiveSource(store, loadConfig({ env }), 0) });
      const get = async (path: string) => (await app.request(`http://archive.test${path}`)).text();
      const room = await store.rooms.findByExternalId('stdio', ROOM.id);
      const sitemap = await get('/archive/sitemap.xml');
      const paths = [...new Set([...sitemap.matchAll(/http:\/\/archive\.test(\/archive\/[^<]+)/g)].map((m) => m[1]!))];
      expect(paths).toContain(`/archive/${room!.id}/`);
      const pages = (await Promise.all(paths.map(get))).join('\n');
      for (const text of PEOPLE) expect(pages).toContain(text.split(' ')[0]);
      for (const text of [...COMMANDS, '公开存档 开']) expect(pages).not.toContain(text);
      for (const reply of ['已创建工单', '没看懂', '机器人的命令', '已订阅']) expect(pages).not.toContain(reply);
    } finally {
      await store.close();
    }
  });
});
