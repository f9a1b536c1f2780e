import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../src/core/archive/archive-reader.js';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { archiveSettings, storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { listen } from '../../src/web/server.js';
import { publishSite } from '../../src/web/views/archive-publish.js';
import { ROOMS, seedArchive } from '../archive/archive-fixture.js';
import { XSS_ROOM } from '../archive/xss-fixture.js';
import { serveStatic } from './archive-static-server.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './report-chromium.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const available = chromiumAvailable('archive in headless Chromium');

describe.skipIf(!available)('archive in headless Chromium', () => {
  let browser: Browser;
  let store: Store;
  let out: string;
  const sites: { name: string; home: string; close(): Promise<void> }[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    store = await openStore(':memory:');
    await seedArchive(store, [...ROOMS, XSS_ROOM]);
    // 王五 opts out: his message must be absent from both sites.
    await store.archive.setOptOut((await store.members.upsert({ platform: 'stdio', externalId: 'id-王五', name: '王五' })).id, true);
    const config = loadConfig({ env: {} });
    out = mkdtempSync(join(tmpdir(), 'osschat-site-'));
    await publishSite(store, new ArchiveReader(store, archiveSettings(config)), out);
    const files = await serveStatic(out);
    sites.push({ name: 'static', home: files.url, close: files.close });
    const live = await listen(createWebApp({ health: { pingDatabase: async () => undefined, chatState: () => 'ready' }, archive: storeArchiveSource(store, config, 0) }), '127.0.0.1', 0);
    sites.push({ name: 'live', home: `${live.url}/archive/`, close: live.close });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    for (const site of sites) await site.close();
    await store?.close();
    rmSync(out, { recursive: true, force: true });
  });

  async function search(page: Page, term: string): Promise<void> {
    await page.fill('input[name=q]', term);
    await Promise.all([page.waitForURL(/search\/\?q=/), page.click('form.search button')]);
    // Polled from the test: waitForFunction evaluates its predicate inside the page, where the archive's CSP forbids eval (a flake under load).
    const searched = () => page.evaluate("document.documentElement.getAttribute('data-search') === 'done' || !document.querySelector('#archive-config')");
    await expect.poll(searched, { timeout: 15_000 }).toBe(true);
  }

  for (const name of ['static', 'live']) {
    it(`${name}: search a Chinese and an English term, open the conversation; private and opted-out absent`, async () => {
      const site = sites.find((s) => s.name === name)!;
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => void errors.push(error.message));
      await page.goto(site.home);
      expect(await page.textContent('body')).toContain('OSSChat 开发者群');
      expect(await page.textContent('body')).not.toContain('内部私密群');
      await page.screenshot({ path: join(ARTIFACTS, `archive-${name}-home.png`), fullPage: true });

      await search(page, '安装');
      const zh = page.locator('#results li a').first();
      expect(await zh.textContent()).toContain('安装失败');
      expect(await page.locator('#results mark').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, `archive-${name}-search-zh.png`), fullPage: true });
      await Promise.all([page.waitForURL(/\/c\/\d+\/$/), zh.click()]);
      expect(await page.textContent('h1')).toContain('安装失败');
      const body = await page.textContent('body');
      expect(body).toContain('试试升级 Node');
      expect(body).not.toContain('wangwu');
      expect(body).not.toContain('王五');
      await page.screenshot({ path: join(ARTIFACTS, `archive-${name}-conversation.png`), fullPage: true });

      await search(page, 'Webhook');
      const en = page.locator('#results li a').first();
      expect(await en.textContent()).toContain('webhook secret');
      await Promise.all([page.waitForURL(/\/c\/\d+\/$/), en.click()]);
      expect(await page.textContent('h1')).toContain('webhook');

      await search(page, 'secretplan');
      expect(await page.locator('#results li').count()).toBe(0);

      await page.goto(site.home);
      await search(page, 'payload');
      expect(await page.locator('#results li').count()).toBeGreaterThan(0);
      await page.locator('#results li a').first().click();
      await page.waitForURL(/\/c\/\d+\/$/);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `archive-${name}-xss.png`) });
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
