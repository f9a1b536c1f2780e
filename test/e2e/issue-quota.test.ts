import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli } from '../helpers/cli.js';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

// Item 6: quotas on what chat writes to GitHub, attacked through the real CLI over stdio and through bot.handle.
const MEMBER_REFUSAL = /^你在 10 分钟内已经通过机器人开了 5 个工单或评论，达到上限了。请 (?:9|10) 分钟后再试。$/;

describe('a member flooding /issue over stdio (osschat start --chat stdio, default quotas)', () => {
  let github: GitHubServer;
  beforeAll(async () => {
    github = await createGitHubServer({ repos: ['octo/hello'] });
  });
  afterAll(async () => github.close());

  function setup(): Record<string, string> {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-issue-quota-'));
    const config = join(dir, 'osschat.yaml');
    writeFileSync(config, ['rooms:', '  - match: { topic: "OSSChat 开发者群" }', '    repo: octo/hello', 'github: { retries: 1, retryBaseMs: 10 }', ''].join('\n'));
    return { OSSCHAT_CONFIG: config, DATABASE_URL: join(dir, 'osschat.db'), GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' };
  }
  const line = (id: string, text: string, from: string) =>
    JSON.stringify({ type: 'message', id, room: { id: 'r1', topic: 'OSSChat 开发者群' }, from: { id: from, name: from }, text, ts: '2026-11-24T10:00:00+08:00' });
  const says = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((text) => (JSON.parse(text) as { text: string }).text);

  it('files exactly 5 of 40, refuses the rest saying when to try again, lets another member file, and still counts after a restart', async () => {
    const env = setup();
    const flood = [line('m0', '安装失败', 'u1'), ...Array.from({ length: 40 }, (_, i) => line(`c${i}`, '/issue 1', 'u1')), line('d1', '/issue 1', 'u2'), ''];
    const first = await runCli(['start', '--chat', 'stdio'], env, flood.join('\n'));
    expect(first.code).toBe(0);
    const replies = says(first.stdout);
    expect(replies.filter((text) => text.startsWith('已创建工单'))).toHaveLength(6);
    const refusals = replies.filter((text) => !text.startsWith('已创建工单'));
    expect(refusals).toHaveLength(35);
    for (const text of refusals) expect(text).toMatch(MEMBER_REFUSAL);
    expect(github.state.issues('octo/hello')).toHaveLength(6);

    const second = await runCli(['start', '--chat', 'stdio'], env, [line('c99', '/issue 1', 'u1'), ''].join('\n'));
    expect(says(second.stdout)).toEqual([expect.stringMatching(MEMBER_REFUSAL)]);
    expect(github.state.issues('octo/hello')).toHaveLength(6);
    expect(github.violations).toEqual([]);
  });
});

describe('quotas inside the bot', () => {
  let h: Harness;
  afterEach(async () => {
    expect(h.github.violations).toEqual([]);
    await h.close();
  });
  const quota = (perMember: number, perRoom: number) => ({ quota: { perMember: { count: perMember, minutes: 10 }, perRoom: { count: perRoom, minutes: 60 } } });
  const issues = () => h.github.state.issues('octo/hello');
  const lastReply = () => h.sent[h.sent.length - 1]?.text ?? '';

  it('never refuses the retry of a command it accepted, though the quota is full', async () => {
    h = await issueHarness({ issues: quota(1, 20) });
    h.github.faults.next({ status: 503, match: { method: 'POST', path: /\/issues$/ } });
    await h.say('flaky GitHub');
    await h.say('/issue 1');
    expect(issues()).toHaveLength(1);
    expect(lastReply()).toMatch(/^已创建工单 #1/);
  });

  it('counts comments with issues, and refuses a room over its quota while admins go on', async () => {
    h = await issueHarness({ issues: quota(1, 2), admins: ['u9'], rooms: { r1: { repo: 'octo/hello', locale: 'en' } } });
    await h.say('bug one');
    await h.say('/issue 1');
    await h.say('/comment 1 more details');
    expect(lastReply()).toMatch(/^You have opened 1 issues or comments through the bot in the last 10 minutes, the most allowed\. Please try again in (9|10) min\.$/);
    await h.say('/issue 1', { from: { id: 'u2', name: 'B' } });
    await h.say('/issue 1', { from: { id: 'u3', name: 'C' } });
    expect(lastReply()).toMatch(/^This room has opened 2 issues or comments through the bot in the last 60 minutes, the most allowed\. Please try again in (59|60) min\.$/);
    await h.say('/issue 1', { from: { id: 'u9', name: 'Admin' } });
    expect(lastReply()).toMatch(/^Opened issue #3/);
    expect(issues()).toHaveLength(3);
    expect(h.github.state.comments('octo/hello', 1)).toHaveLength(0);
  });

  it('has no limit when a count is 0', async () => {
    h = await issueHarness({ issues: quota(0, 0) });
    await h.say('bug');
    for (let i = 0; i < 7; i++) await h.say('/issue 1');
    expect(issues()).toHaveLength(7);
  });
});
