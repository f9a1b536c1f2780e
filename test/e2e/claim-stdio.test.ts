import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli, spawnCli, waitForOutput } from '../helpers/cli.js';

// Issue 16 §1: a fresh install has no admin; the code `osschat start` prints makes the first one, once.
let github: GitHubServer;
beforeAll(async () => {
  github = await createGitHubServer({ repos: ['octo/hello'] });
});
afterAll(async () => github.close());

const ROOM = { id: 'g1', topic: '认领群' };
const people = { zhang: { id: 'u1', name: '张三' }, li: { id: 'u2', name: '李四' }, wang: { id: 'u3', name: '王五' } };
let seq = 0;
function line(from: { id: string; name: string }, text: string): string {
  seq += 1;
  return `${JSON.stringify({ type: 'message', id: `m${seq}`, room: ROOM, from, text, ts: new Date(Date.UTC(2026, 10, 24, 2, 0, seq)).toISOString() })}\n`;
}

function said(stdout: string): string[] {
  return stdout.trim().split('\n').filter(Boolean).map((json) => (JSON.parse(json) as { text: string }).text);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

describe('claiming a fresh bot through the built CLI (stdio)', () => {
  it('prints a code on start that makes one admin once; the code never reaches an issue, the analytics or the archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-claim-'));
    writeFileSync(join(dir, 'osschat.yaml'), `archive:\n  rooms: ["${ROOM.topic}"]\n`);
    const env = { DATABASE_URL: join(dir, 'osschat.db'), OSSCHAT_CONFIG: join(dir, 'osschat.yaml'), GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' };
    const { child, done } = spawnCli(['start', '--chat', 'stdio'], env);
    const announced = await waitForOutput(child, /还没有机器人管理员：.*发送「认领 ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})」.*60 分钟内有效/);
    const code = announced[1]!;
    expect(announced[0]).not.toContain('{');
    child.stdin.write(line(people.zhang, '大家好，我来认领这个机器人'));
    child.stdin.write(line(people.li, '/bind octo/hello'));
    child.stdin.write(line(people.li, '认领 ABCD-EFGH-JKLM'));
    child.stdin.write(line(people.zhang, `认领 ${code}`));
    child.stdin.write(line(people.li, `/claim ${code}`));
    child.stdin.write(line(people.zhang, '绑定 octo/hello'));
    child.stdin.write(line(people.li, '/bind octo/hello'));
    child.stdin.write(line(people.wang, '安装的时候报错了'));
    child.stdin.write(line(people.zhang, '看看日志'));
    // More than there are: every message people wrote before it is taken, up to the claims if they counted.
    child.stdin.write(line(people.wang, '以上十条开工单'));
    child.stdin.end();
    const run = await done;
    expect(run.code).toBe(0);
    const replies = said(run.stdout);
    expect(replies.slice(0, 6)).toEqual([
      expect.stringMatching(/^抱歉，只有管理员可以使用「bind」。\n机器人还没有管理员：运行机器人的终端里显示了一个认领码/),
      expect.stringMatching(/^认领码不对。/),
      expect.stringMatching(/^认领成功：你（u1）现在是机器人管理员了/),
      expect.stringMatching(/^这个机器人已经有管理员了，认领码不再有效。/),
      '已绑定 octo/hello：本群的「以上N条开工单」会在这个仓库创建工单。',
      expect.stringMatching(/^抱歉，只有管理员可以使用「bind」。\n想成为机器人管理员，请找一位管理员/),
    ]);
    expect(replies[6]).toMatch(/^已创建工单 #1/);
    expect(replies.join('\n')).not.toContain(code);

    const [issue] = github.state.issues('octo/hello');
    expect(issue?.body).toContain('大家好，我来认领这个机器人');
    expect(issue?.body).toContain('看看日志');
    expect(issue?.body).not.toContain(code);

    const store = await openStore(env.DATABASE_URL);
    try {
      expect((await store.admins.list()).map((admin) => [admin.platform, admin.externalId, admin.addedBy])).toEqual([['stdio', 'u1', 'claim']]);
      const room = (await store.rooms.findByExternalId('stdio', ROOM.id))!;
      const claims = (await store.messages.recent(room.id, 100)).filter((message) => message.text.includes(code));
      expect(claims.map((message) => message.command)).toEqual(['claim', 'claim']);
    } finally {
      await store.close();
    }

    const analysis = await runCli(['analyze', '--room', ROOM.topic, '--json'], env);
    expect(analysis.code).toBe(0);
    const parts = code.toLowerCase().split('-');
    const report = JSON.parse(analysis.stdout) as { keywords: { term: string }[] };
    expect(report.keywords.filter((keyword) => parts.some((part) => keyword.term.toLowerCase().includes(part)))).toEqual([]);
    expect(analysis.stdout.toUpperCase()).not.toContain(code.replaceAll('-', ''));
    expect(analysis.stdout.toUpperCase()).not.toContain(code);
    const site = join(dir, 'site');
    expect((await runCli(['publish', '--out', site], env)).code).toBe(0);
    const published = filesUnder(site).map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(published).toContain('安装的时候报错了');
    expect(published.toUpperCase()).not.toContain(code);
    expect(published.toUpperCase()).not.toContain(code.replaceAll('-', ''));

    const again = await runCli(['admins', 'code'], env);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('已经有机器人管理员了') });
  }, 60_000);
});
