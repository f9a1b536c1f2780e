import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { spawnCli, waitForOutput } from '../helpers/cli.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './report-chromium.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const available = chromiumAvailable('dashboard in headless Chromium');
const OAUTH = { clientId: 'Iv1.browsertest', clientSecret: 'browser-secret', login: 'alice' };

/** Resolves when the bot says something containing `text` on stdout (the stdio adapter's `say` lines). */
function said(child: ChildProcessWithoutNullStreams, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the bot never said ${text}; stdout: ${seen}`)), 20_000);
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (!seen.includes(text)) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve();
    };
    child.stdout.on('data', onData);
  });
}

describe.skipIf(!available)('dashboard in headless Chromium, against the real CLI over stdio and the local GitHub', () => {
  let browser: Browser;
  let github: GitHubServer;
  let bot: ChildProcessWithoutNullStreams;
  let base: string;
  let databaseUrl: string;
  let seq = 0;
  const say = (text: string) => {
    seq += 1;
    const message = { type: 'message', id: `m${seq}`, room: { id: 'r1', topic: '开发者群' }, from: { id: 'u1', name: '张三', role: 'owner' }, text, ts: new Date().toISOString() };
    bot.stdin.write(`${JSON.stringify(message)}\n`);
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    github = await createGitHubServer({ repos: ['alice/hello'], oauthApps: [OAUTH] });
    databaseUrl = join(mkdtempSync(join(tmpdir(), 'osschat-dashboard-')), 'osschat.db');
    const env = {
      DATABASE_URL: databaseUrl, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token',
      GITHUB_OAUTH_CLIENT_ID: OAUTH.clientId, GITHUB_OAUTH_CLIENT_SECRET: OAUTH.clientSecret, OSSCHAT_SESSION_SECRET: 'browser-test-session-secret-0123456789',
    };
    const started = spawnCli(['start', '--chat', 'stdio'], env);
    bot = started.child;
    base = (await waitForOutput(bot, /"url":"(http:\/\/[^"]+)"[^\n]*web server listening/))[1]!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    bot?.stdin.end();
    await new Promise((resolve) => (bot ? bot.once('close', resolve) : resolve(undefined)));
    await github?.close();
  });

  it('signs in, binds a room with a code said in the group, edits an FAQ entry and retries a failed job', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => void errors.push(error.message));

    await page.goto(`${base}/dashboard`);
    expect(page.url()).toContain(`${github.url}/login/oauth/authorize`);
    await page.click('#js-oauth-authorize-btn');
    await page.waitForURL(`${base}/dashboard/rooms`);
    await shot(page, '1-signed-in');

    await page.fill('input[name="repo"][required]', 'alice/hello');
    await page.click('text=生成绑定码');
    const flash = await page.textContent('.flash');
    const code = flash?.match(/绑定 ([A-Z2-9]{4}-[A-Z2-9]{4})/)?.[1];
    expect(code).toBeDefined();
    await shot(page, '2-bind-code');
    const confirmed = said(bot, '绑定成功');
    say(`绑定 ${code}`);
    await confirmed;
    await page.goto(`${base}/dashboard/rooms`);
    expect(await page.textContent('section[data-room] h2')).toBe('开发者群');
    await shot(page, '3-room-bound');

    await page.click('nav >> text=知识库');
    await page.fill('textarea[name="questions"]', '怎么安装？');
    await page.fill('textarea[name="answer"]', 'npm install osschat');
    await page.click('button:has-text("添加")');
    await page.click('text=编辑');
    await page.fill('textarea[name="answer"]', 'npm ci && npm start');
    await page.click('button:has-text("保存")');
    expect(await page.textContent('tr[data-faq]')).toContain('npm ci && npm start');
    await shot(page, '4-faq-edited');
    const answered = said(bot, 'npm ci && npm start');
    say('请问怎么安装？');
    await answered;

    const store = await openStore(databaseUrl, { migrate: false });
    const room = await store.rooms.findByExternalId('stdio', 'r1');
    const job = await store.outbox.enqueue({ kind: 'chat.say', payload: { room: 'r1', text: '重试成功' }, idempotencyKey: 'browser:retry', roomId: room!.id, runAt: new Date(Date.now() + 3_600_000) });
    await store.outbox.claimDue(new Date(Date.now() + 3_600_001), 1, 60_000);
    await store.outbox.fail(job.id, 'chat platform unreachable (test)', null);
    await page.click('nav >> text=运行状况');
    expect(await page.textContent(`tr[data-job="${job.id}"]`)).toContain('chat platform unreachable (test)');
    await shot(page, '5-failed-job');
    const delivered = said(bot, '重试成功');
    await page.click(`tr[data-job="${job.id}"] button`);
    await delivered;
    expect((await store.outbox.get(job.id))?.status).toBe('done');
    await store.close();
    await shot(page, '6-retried');
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
