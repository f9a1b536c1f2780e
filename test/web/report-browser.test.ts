import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPage } from '../../src/web/views/report-page.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './report-chromium.js';
import { hostileReport } from './report-fixture.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const available = chromiumAvailable('HTML report in headless Chromium');

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    file = join(ARTIFACTS, 'report.html');
    writeFileSync(file, renderReportPage(await hostileReport(), 'zh-CN'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  it('draws every chart offline on a phone-sized screen, with no console error and no injected script', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, offline: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    page.on('pageerror', (error) => void errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-charts="5"]', { timeout: 10_000 });
    expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(5);
    // Browser-side expressions as strings: the tests are type-checked without the DOM library.
    expect(await page.evaluate("[...document.querySelectorAll('[data-chart] canvas')].every((c) => c.width > 0 && c.height > 0)")).toBe(true);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'report-mobile.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders on a desktop screen too (screenshot kept in test-results/)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-charts="5"]', { timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'report-desktop.png'), fullPage: true });
    await page.close();
  });
});
