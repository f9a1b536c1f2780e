import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli, spawnCli } from '../helpers/cli.js';

let github: GitHubServer;
beforeAll(async () => {
  github = await createGitHubServer({ repos: ['octo/hello'] });
});
afterAll(async () => github.close());
beforeEach(() => {
  github.reset();
});

function setup(): { env: Record<string, string>; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-issue-cli-'));
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, [
    'rooms:',
    '  - match: { topic: "OSSChat 开发者群" }',
    '    repo: octo/hello',
    'github: { retries: 1, retryBaseMs: 10 }',
    'outbox: { retryBaseMs: 50 }',
    '',
  ].join('\n'));
  const db = join(dir, 'osschat.db');
  return { db, env: { OSSCHAT_CONFIG: config, DATABASE_URL: db, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' } };
}

const line = (id: string, text: string, from = { id: 'u1', name: '张三' }) =>
  JSON.stringify({ type: 'message', id, room: { id: 'r1', topic: 'OSSChat 开发者群' }, from, text, ts: `2026-11-24T10:0${id.slice(1)}:00+08:00` });
const says = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((text) => JSON.parse(text) as { type: string; room: string; text: string; replyTo?: string });

describe('chat → issue through the CLI (--chat stdio, GITHUB_API_URL = local GitHub)', () => {
  it('opens the issue and says the link in the room', async () => {
    const { env } = setup();
    const input = [line('m1', '升级到 2.0 以后启动失败'), line('m2', '@octocat 帮忙看看', { id: 'u2', name: '李四' }), line('m3', '以上两条开工单'), ''].join('\n');
    const result = await runCli(['start', '--chat', 'stdio'], env, input);
    expect(result.code).toBe(0);
    expect(says(result.stdout)).toEqual([{ type: 'say', room: 'r1', replyTo: 'm3', text: '已创建工单 #1：升级到 2.0 以后启动失败\nhttps://github.com/octo/hello/issues/1' }]);
    const [issue] = github.state.issues('octo/hello');
    expect(issue!.body).toContain('`@octocat` 帮忙看看');
    expect(github.violations).toEqual([]);
  });

  it('explains a 401 in the room', async () => {
    const { env } = setup();
    const result = await runCli(['start', '--chat', 'stdio'], { ...env, GITHUB_TOKEN: 'revoked-token' }, [line('m1', 'bug'), line('m2', '/issue 1'), ''].join('\n'));
    expect(says(result.stdout)[0]?.text).toContain('GitHub 拒绝了 OSSChat 的凭据（401）');
    expect(result.stderr).not.toContain('revoked-token');
  });

  it('opens exactly one issue when killed after storing the command and before creating the issue', async () => {
    const { env, db } = setup();
    github.faults.next({ delayMs: 5000, match: { path: /^\/search\/issues$/ } });
    const first = spawnCli(['start', '--chat', 'stdio'], env);
    first.child.stdin.write(`${line('m1', '崩溃日志在这里')}\n${line('m2', '以上一条开工单')}\n`);
    await waitFor(() => github.requests.some((r) => r.path === '/search/issues') || github.faults.pending === 0);
    first.child.kill('SIGKILL');
    await first.done;
    expect(github.state.issues('octo/hello')).toHaveLength(0);
    const store = await openStore(db);
    expect((await store.outbox.list()).map((job) => [job.kind, job.status])).toEqual([['command', 'running']]);
    await store.close();

    const second = await runCli(['start', '--chat', 'stdio'], env, '');
    expect(second.code).toBe(0);
    expect(github.state.issues('octo/hello')).toHaveLength(1);
    expect(says(second.stdout).map((say) => say.text)).toEqual(['已创建工单 #1：崩溃日志在这里\nhttps://github.com/octo/hello/issues/1']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
