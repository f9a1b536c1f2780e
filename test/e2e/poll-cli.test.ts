import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli, spawnCli, waitForOutput, type Finished } from '../helpers/cli.js';
import { payloadFor, signedHeaders } from '../helpers/webhook-examples.js';

const SECRET = 'poll-webhook-secret';
const REPO = 'octo/hello';
const EVENTS = `/repos/${REPO}/events`;

let github: GitHubServer;
/** When each events request reached the fake, in order. */
let arrivals: { at: number; path: string }[] = [];
const bots: { kill: () => void }[] = [];

beforeAll(async () => {
  github = await createGitHubServer({ repos: [REPO], pollIntervalSeconds: 0, onRequest: (r) => void arrivals.push({ at: Date.now(), path: r.path }) });
});
afterAll(async () => github.close());
beforeEach(() => {
  github.reset();
  arrivals = [];
});
afterEach(() => {
  for (const bot of bots.splice(0)) bot.kill();
});

function setup(github: string, extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-poll-'));
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, ['admins: [admin]', 'notify: { minIntervalMs: 0 }', 'outbox: { retryBaseMs: 50, pollMs: 50 }', `github: ${github}`, ''].join('\n'));
  return { OSSCHAT_CONFIG: config, DATABASE_URL: join(dir, 'osschat.db'), GITHUB_API_URL: githubUrl(), GITHUB_TOKEN: 'test-token', ...extra };
}
const githubUrl = () => github.url;

interface Say {
  room: string;
  text: string;
}

/** The built `osschat start --chat stdio`, its chat lines and what it said per room. */
async function startBot(env: Record<string, string>): Promise<{ say: (id: string, room: string, text: string) => void; says: (room: string) => Say[]; log: () => string; url: string; end: () => Promise<Finished> }> {
  const { child, done } = spawnCli(['start', '--chat', 'stdio'], env);
  bots.push({ kill: () => child.exitCode === null && child.kill('SIGKILL') });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [, url] = await waitForOutput(child, /"url":"(http:\/\/[^"]+)"/);
  return {
    url: url!,
    say: (id, room, text) => child.stdin.write(`${JSON.stringify({ type: 'message', id, room: { id: room, topic: room }, from: { id: 'admin', name: 'Admin' }, text })}\n`),
    says: (room) => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Say & { type: string }).filter((say) => say.room === room),
    log: () => stderr,
    end: () => (child.stdin.end(), done),
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const eventCalls = () => github.requests.filter((request) => request.path === EVENTS);
/** Waits until the poller has asked twice more: whatever it had to see, it has seen and written. */
async function twoMorePolls(): Promise<void> {
  const seen = eventCalls().length;
  await until(() => eventCalls().length >= seen + 2, 'two more polls');
}

/** Subscribes room `room` by chat and waits for the repository's first (baseline) poll. */
async function subscribe(bot: Awaited<ReturnType<typeof startBot>>, room: string, spec = REPO): Promise<void> {
  bot.say(`sub-${room}`, room, `/subscribe ${spec}`);
  await until(() => bot.says(room).length === 1, 'the subscription reply');
  await until(() => eventCalls().length > 0, 'the first poll');
}

describe('polling GitHub instead of webhooks (built CLI, --chat stdio, local GitHub, no webhook secret)', () => {
  it('brings issues, comments, pull requests and releases to a subscribed room, and not the history before it subscribed', async () => {
    github.state.addIssue(REPO, { title: 'an old issue', user: 'alice' });
    github.state.addComment(REPO, 1, 'an old comment', 'bob');
    await sleep(1100); // GitHub's times have whole seconds: history is a second older than the subscription
    const bot = await startBot(setup('{ poll: 200ms }'));
    await subscribe(bot, 'subs', `${REPO} issues pulls releases comments`);
    github.state.addIssue(REPO, { title: '安装失败', body: 'npm ci 报错', user: 'alice' });
    await until(() => bot.says('subs').length === 2, 'the issue notification');
    github.state.addComment(REPO, 2, '试试 Node 20', 'bob');
    await until(() => bot.says('subs').length === 3, 'the comment notification');
    const pull = github.state.addPull(REPO, { title: 'Fix the install', user: 'carol' });
    await until(() => bot.says('subs').length === 4, 'the pull request notification');
    github.state.closePull(REPO, pull.number, true, 'dave');
    await until(() => bot.says('subs').length === 5, 'the merge notification');
    github.state.addRelease(REPO, { tagName: 'v1.2.0', user: 'erin' });
    await until(() => bot.says('subs').length === 6, 'the release notification');
    await twoMorePolls();
    const texts = bot.says('subs').slice(1).map((say) => say.text.split('\n')[0]);
    expect(texts).toEqual([
      '[octo/hello] alice 创建了工单 #2：安装失败',
      '[octo/hello] bob 评论了工单 #2：安装失败',
      '[octo/hello] carol 提交了 PR #3：Fix the install',
      '[octo/hello] dave 合并了 PR #3：Fix the install',
      '[octo/hello] erin 发布了版本 v1.2.0',
    ]);
    expect(bot.says('subs')[2]!.text).toContain('https://github.com/octo/hello/issues/2#issuecomment-');
    // Nothing changed since: conditional requests, answered 304.
    const unchanged = eventCalls().filter((call) => call.status === 304);
    expect(unchanged.length).toBeGreaterThan(0);
    expect(unchanged.every((call) => call.headers['if-none-match']?.startsWith('W/"'))).toBe(true);
    expect(github.violations).toEqual([]);
    expect((await bot.end()).code).toBe(0);
  });

  it('polls no faster than X-Poll-Interval when it asks for more than github.poll', async () => {
    github.state.events.pollIntervalSeconds = 2;
    const bot = await startBot(setup('{ poll: 200ms }'));
    await subscribe(bot, 'subs');
    await sleep(5000);
    const times = arrivals.filter((arrival) => arrival.path === EVENTS).map((arrival) => arrival.at);
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(times.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1950);
    await bot.end();
  });

  it('backs off after a rate-limit 403, says so in one log line, and loses nothing', async () => {
    const bot = await startBot(setup('{ poll: 200ms }'));
    await subscribe(bot, 'subs');
    github.faults.next({ rateLimit: 'secondary', match: { path: `^${EVENTS}$` } }); // Retry-After: 1
    await until(() => eventCalls().some((call) => call.status === 403), 'the rate-limited poll');
    github.state.addIssue(REPO, { title: 'filed during the pause', user: 'alice' });
    await until(() => bot.says('subs').length === 2, 'the issue notification after the pause');
    const times = arrivals.filter((arrival) => arrival.path === EVENTS).map((arrival) => arrival.at);
    const limited = eventCalls().findIndex((call) => call.status === 403);
    expect(times[limited + 1]! - times[limited]!).toBeGreaterThanOrEqual(950);
    expect(bot.log().split('\n').filter((line) => line.includes('rate limit'))).toHaveLength(1);
    expect(bot.says('subs')[1]!.text).toContain('filed during the pause');
    await bot.end();
  });

  it('neither notifies again nor misses an event across a restart', async () => {
    const env = setup('{ poll: 200ms }');
    const first = await startBot(env);
    await subscribe(first, 'subs', `${REPO} issues comments`);
    github.state.addIssue(REPO, { title: 'before the restart', user: 'alice' });
    await until(() => first.says('subs').length === 2, 'the issue notification');
    await twoMorePolls();
    expect((await first.end()).code).toBe(0);
    github.state.addComment(REPO, 1, 'while the bot was down', 'bob');
    const polled = eventCalls().length;
    const second = await startBot(env);
    await until(() => second.says('subs').length === 1, 'the comment notification');
    await twoMorePolls();
    expect(second.says('subs').map((say) => say.text.split('\n')[0])).toEqual(['[octo/hello] bob 评论了工单 #1：before the restart']);
    expect(eventCalls()[polled]!.headers['if-none-match']).toMatch(/^W\/"/);
    await second.end();
  });

  it('notifies once when a webhook and a poll bring the same event, in either order', async () => {
    const bot = await startBot(setup('{ poll: 300ms }', { GITHUB_WEBHOOK_SECRET: SECRET }));
    await subscribe(bot, 'subs', `${REPO} issues comments`);
    // The webhook first, then the poll: issue #1 opened.
    await deliver(bot.url, 'issues', payloadFor('issues', 'opened', (p) => {
      Object.assign(p.issue, { number: 1, title: 'seen twice', html_url: `https://github.com/${REPO}/issues/1` });
      p.repository.full_name = REPO;
    }));
    await until(() => bot.says('subs').length === 2, 'the webhook notification');
    github.state.addIssue(REPO, { title: 'seen twice', user: 'alice' });
    await twoMorePolls();
    // The poll first, then the webhook: a comment on it.
    const comment = github.state.addComment(REPO, 1, 'same comment', 'bob');
    await until(() => bot.says('subs').length === 3, 'the polled comment notification');
    await deliver(bot.url, 'issue_comment', payloadFor('issue_comment', 'created', (p) => {
      Object.assign(p.comment, { id: comment.id, body: comment.body });
      Object.assign(p.issue, { number: 1, title: 'seen twice' });
      p.repository.full_name = REPO;
    }));
    await twoMorePolls();
    await sleep(300);
    expect(bot.says('subs').slice(1).map((say) => say.text.split('\n')[0])).toEqual([
      expect.stringMatching(/ 创建了工单 #1：seen twice$/),
      '[octo/hello] bob 评论了工单 #1：seen twice',
    ]);
    await bot.end();
  });

  it('polls nothing with github.poll: false, or by default when a webhook secret is set', async () => {
    for (const [settings, extra] of [['{ poll: false }', {}], ['{ retries: 0 }', { GITHUB_WEBHOOK_SECRET: SECRET }]] as const) {
      const bot = await startBot(setup(settings, extra));
      bot.say('m1', 'subs', `/subscribe ${REPO}`);
      await until(() => bot.says('subs').length === 1, 'the subscription reply');
      await sleep(1200);
      expect(bot.log()).not.toContain('polling GitHub');
      await bot.end();
    }
    expect(eventCalls()).toEqual([]);
  });

  it('refuses a github.poll that is not a duration in one line naming the key and the fix', async () => {
    const result = await runCli(['start', '--chat', 'stdio'], setup('{ poll: soon }'));
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^config error: github\.poll: expected a duration such as 60s, 2m or 500ms .*\(got "soon"\) — set it in the config file/)]);
  });

  it('closes the loop with polling only: the room that opened an issue hears it was closed', async () => {
    const env = setup('{ poll: 200ms }');
    writeFileSync(env.OSSCHAT_CONFIG!, `rooms:\n  - match: { topic: dev }\n    repo: ${REPO}\n`, { flag: 'a' });
    const bot = await startBot(env);
    bot.say('m1', 'dev', '升级以后启动失败');
    bot.say('m2', 'dev', '以上一条开工单');
    await until(() => bot.says('dev').length === 1, 'the issue link');
    expect(bot.says('dev')[0]!.text).toContain('#1');
    await until(() => eventCalls().length > 0, 'the first poll');
    github.state.updateIssue(REPO, 1, { state: 'closed' }, 'maintainer');
    await until(() => bot.says('dev').length === 2, 'the closing notification');
    expect(bot.says('dev')[1]!.text).toMatch(/^\[octo\/hello\] maintainer 关闭了工单 #1/);
    await bot.end();
  });
});

async function deliver(url: string, event: string, body: string): Promise<void> {
  const id = `delivery-${Math.random().toString(16).slice(2)}`;
  const response = await fetch(`${url}/webhooks/github`, { method: 'POST', body, headers: await signedHeaders(SECRET, event, id, body) });
  expect(response.status).toBe(202);
}
