import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { eventually, ROOM, startStdioBot } from '../helpers/stdio-bot.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../web/report-chromium.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const available = chromiumAvailable('self-hosted dashboard in headless Chromium');
const OAUTH = { clientId: 'Iv1.selfhosted', clientSecret: 'self-hosted-secret' };

describe.skipIf(!available)('a self-hoster signs in and sees the rooms of osschat.yaml (real CLI over stdio, headless Chromium)', () => {
  let browser: Browser;
  let github: GitHubServer;
  let bot: Awaited<ReturnType<typeof startStdioBot>>;
  let config: string;
  const yaml = (admins: string) =>
    `dashboard: { admins: [${admins}] }\nrooms:\n  - match: { topic: "${ROOM.topic}" }\n    repo: alice/hello\n    subscribe: ["alice/hello releases"]\n  - match: { topic: "用户群" }\n`;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `self-hosted-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    github = await createGitHubServer({ repos: ['alice/hello'], oauthApps: [{ ...OAUTH, login: 'alice' }] });
    const dir = mkdtempSync(join(tmpdir(), 'osschat-self-hosted-'));
    config = join(dir, 'osschat.yaml');
    writeFileSync(config, yaml('Alice'));
    const env = {
      OSSCHAT_CONFIG: config, DATABASE_URL: join(dir, 'osschat.db'), GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token',
      GITHUB_OAUTH_CLIENT_ID: OAUTH.clientId, GITHUB_OAUTH_CLIENT_SECRET: OAUTH.clientSecret, OSSCHAT_SESSION_SECRET: 'self-hosted-session-secret-0123456789',
    };
    bot = await startStdioBot(env);
    bot.say('m1', '大家好');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.end();
    await github?.close();
  });

  it('lands on "This installation" with the configured room, its repository and subscription, and the room not seen yet; loses it when removed from dashboard.admins', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => void errors.push(error.message));
    await page.goto(`${bot.url}/dashboard`);
    await page.click('#js-oauth-authorize-btn');
    await page.waitForURL(`${bot.url}/dashboard/self-hosted`);
    const row = await page.textContent('tr[data-room]');
    expect(row).toContain(ROOM.topic);
    expect(row).toContain('alice/hello (osschat.yaml)');
    expect(row).toContain('alice/hello releases');
    expect(await page.textContent('li[data-unseen]')).toBe('用户群');
    expect(await page.isVisible('nav >> text=本机的群')).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
    // Nothing hides behind a section's own scroll bar on a phone.
    expect(await page.evaluate("[...document.querySelectorAll('section')].every((s) => s.scrollWidth <= s.clientWidth + 1)")).toBe(true);
    await shot(page, '1-installation');

    writeFileSync(config, yaml(''));
    expect(await eventually(async () => bot.stderr().includes('configuration reloaded: applied dashboard.admins'), 8000)).toBe(true);
    const gone = await page.goto(`${bot.url}/dashboard/self-hosted`);
    expect(gone?.status()).toBe(404);
    await page.goto(`${bot.url}/dashboard/rooms`);
    expect(await page.isVisible('nav >> text=本机的群')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
