import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTable } from '../../src/core/commands/registry.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli, type Finished } from '../helpers/cli.js';

const ROOM = { id: 'r1', topic: 'OSSChat 開發者群' };

let github: GitHubServer;
let env: Record<string, string>;
let chat: Finished;
const replies = (id: string) =>
  chat.stdout.trim().split('\n').filter(Boolean).map((text) => JSON.parse(text) as { text: string; replyTo?: string }).filter((say) => say.replyTo === id).map((say) => say.text);

beforeAll(async () => {
  github = await createGitHubServer({ repos: ['octo/hello', 'octo/other'] });
  const dir = mkdtempSync(join(tmpdir(), 'osschat-traditional-'));
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, ['admins: ["boss"]', 'rooms:', `  - match: { topic: "${ROOM.topic}" }`, '    repo: octo/hello', 'github: { retries: 1, retryBaseMs: 10 }', ''].join('\n'));
  const kb = join(dir, 'kb.yaml');
  writeFileSync(kb, '- id: install\n  questions: [怎么安装 OSSChat？]\n  answer: 运行 npm ci 然后 npm start\n');
  env = { OSSCHAT_CONFIG: config, DATABASE_URL: join(dir, 'osschat.db'), GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' };
  expect((await runCli(['faq', 'import', kb], env)).code).toBe(0);
  let minute = 0;
  const line = (id: string, text: string, from = { id: 'u1', name: '張三' }) =>
    JSON.stringify({ type: 'message', id, room: ROOM, from, text, ts: new Date(Date.UTC(2026, 10, 24, 2, minute++)).toISOString() });
  const boss = { id: 'boss', name: '管理員' };
  const input = [
    line('t1', '升級到 2.0 以後啟動失敗'),
    line('t2', '日誌裡有 ENOENT', { id: 'u2', name: '李四' }),
    line('t3', '以上兩條開工單：安裝失敗'),
    line('t4', '訂閱 octo/hello', boss),
    line('t5', '幫助'),
    line('t6', '綁定 octo/other', boss),
    line('t7', '請問怎麼安裝 OSSChat？', { id: 'u3', name: '王五' }),
    line('t8', '以上 abc 條開工單'),
    '',
  ].join('\n');
  chat = await runCli(['start', '--chat', 'stdio'], env, input);
  expect(chat.code).toBe(0);
});
afterAll(async () => github.close());

describe('Traditional Chinese works wherever Simplified does (built CLI, stdio)', () => {
  it('opens an issue from 以上兩條開工單, with the title and the transcript as they were written', () => {
    expect(replies('t3')[0]).toMatch(/^已创建工单 #1：安裝失敗\n/);
    const [issue] = github.state.issues('octo/hello');
    expect(issue!.title).toBe('安裝失敗');
    expect(issue!.body).toContain('升級到 2.0 以後啟動失敗');
    expect(issue!.body).toContain('日誌裡有 ENOENT');
  });

  it('subscribes, binds and helps', () => {
    expect(replies('t4')[0]).toMatch(/^已订阅 octo\/hello/);
    expect(replies('t6')[0]).toMatch(/^已绑定 octo\/other/);
    const help = replies('t5')[0]!;
    for (const row of commandTable().filter((command) => command.name !== 'malformed')) expect(help).toContain(row.usage['zh-CN']);
  });

  it('answers a question in Traditional Chinese from a Simplified FAQ entry', async () => {
    expect(replies('t7')).toEqual(['运行 npm ci 然后 npm start']);
    const asked = JSON.parse((await runCli(['faq', 'ask', '怎麼安裝 OSSChat？', '--json'], env)).stdout) as { match: { id: string } | null };
    expect(asked.match?.id).toBe('install');
  });

  it('answers a near miss quoting it as written', () => {
    expect(replies('t8')[0]).toMatch(/^没看懂「以上 abc 條開工單」。正确的写法：以上N条开工单/);
  });

  it('stores every message as it was written', async () => {
    const exported = await runCli(['export', '--room', ROOM.topic, '--format', 'jsonl'], env);
    const texts = exported.stdout.trim().split('\n').map((text) => (JSON.parse(text) as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(['升級到 2.0 以後啟動失敗', '以上兩條開工單：安裝失敗', '訂閱 octo/hello', '幫助', '請問怎麼安裝 OSSChat？']));
  });
});
