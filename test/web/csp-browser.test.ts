import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ArchiveReader } from '../../src/core/archive/archive-reader.js';
import { loadConfig } from '../../src/config/load.js';
import { archiveSettings } from '../../src/web/routes/archive-source.js';
import { listen, type RunningServer } from '../../src/web/server.js';
import { publishSite } from '../../src/web/views/archive-publish.js';
import { serveStatic } from './archive-static-server.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './report-chromium.js';
import { publicSite } from './security-site.js';

const available = chromiumAvailable('Content-Security-Policy in headless Chromium');

// Browser-side code as strings: the tests are type-checked without the DOM library.
const RECORD_VIOLATIONS = "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));";
const INJECT_SCRIPT = "(() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.append(s); })()";

describe.skipIf(!available)('Content-Security-Policy in headless Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let store: Store;
  let published: { url: string; close(): Promise<void> };
  let out: string;

  beforeAll(async () => {
    const site = await publicSite();
    store = site.store;
    server = await listen(site.app, '127.0.0.1', 0);
    out = mkdtempSync(join(tmpdir(), 'osschat-csp-site-'));
    await publishSite(store, new ArchiveReader(store, archiveSettings(loadConfig({ env: {} }))), out);
    published = await serveStatic(out);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await published?.close();
    await store?.close();
    rmSync(out, { recursive: true, force: true });
  });

  async function open(path: string, base = server.url): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => void errors.push(error.message));
    await page.addInitScript(RECORD_VIOLATIONS);
    await page.goto(`${base}${path}`);
    return { page, errors };
  }

  async function expectInjectedScriptBlocked(page: Page): Promise<void> {
    await page.evaluate(INJECT_SCRIPT);
    await page.waitForFunction('window.__violations.includes("script-src-elem")', undefined, { timeout: 5000 });
    expect(await page.evaluate('window.__injected')).toBeUndefined();
  }

  it('report: the charts draw under the policy with no violation, and a script injected into the page never runs', async () => {
    const { page, errors } = await open('/report/hostile');
    await page.waitForSelector('html[data-charts="5"]', { timeout: 15_000 });
    expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(5);
    await page.hover('[data-chart="days"] canvas');
    expect(await page.evaluate('window.__violations')).toEqual([]);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await expectInjectedScriptBlocked(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('archive: pages render with no violation, and a script injected into the page never runs', async () => {
    const { page, errors } = await open('/archive/');
    expect(await page.textContent('body')).toContain('OSSChat 开发者群');
    expect(await page.evaluate('window.__violations')).toEqual([]);
    await expectInjectedScriptBlocked(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('published static site: its own <meta> policy lets the search script run and blocks an injected one', async () => {
    const { page, errors } = await open('search/?q=安装', published.url);
    await page.waitForSelector('html[data-search="done"]', { state: 'attached', timeout: 15_000 });
    expect(await page.locator('#results li').count()).toBeGreaterThan(0);
    expect(await page.evaluate('window.__violations')).toEqual([]);
    await expectInjectedScriptBlocked(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('no page of ours can be framed by another site', async () => {
    const page = await browser.newPage();
    const blocked = new Promise<string>((resolve) => page.on('console', (message) => /frame-ancestors|Refused to display/.test(message.text()) && resolve(message.text())));
    await page.setContent(`<iframe src="${server.url}/archive/"></iframe>`);
    expect(await blocked).toMatch(/frame-ancestors/);
    await page.close();
  });
});
