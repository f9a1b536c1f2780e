import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPage } from '../../src/web/views/report-page.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './report-chromium.js';
import { hostileReport } from './report-fixture.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const available = chromiumAvailable('HTML report in headless Chromium');
const CHARTS = ['days', 'weeks', 'heatmap', 'members', 'keywords'];

interface ChartState {
  name: string;
  width: number;
  height: number;
  /** Share of the canvas's pixels that are not transparent: 0 for a chart that drew nothing. */
  painted: number;
  /** Data points of each series, as the chart's ECharts instance holds them. */
  points: number[];
}

// Browser-side expressions as strings: the tests are type-checked without the DOM library.
const CHART_STATES = `[...document.querySelectorAll('[data-chart]')].map((el) => {
  const canvas = el.querySelector('canvas');
  const pixels = canvas && canvas.width > 0 && canvas.height > 0 ? canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data : [];
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
  const chart = window.echarts && window.echarts.getInstanceByDom(el);
  const option = chart && chart.getOption();
  return {
    name: el.getAttribute('data-chart'), width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0,
    painted: pixels.length ? painted / (pixels.length / 4) : 0,
    points: option ? option.series.map((series) => (series.data || []).length) : [],
  };
})`;

/** Opens the report, collecting console errors and page errors from the first moment. */
async function openReport(browser: Browser, file: string, options: BrowserContextOptions): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  page.on('pageerror', (error) => void errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-charts="5"]', { timeout: 10_000 });
  return { page, errors };
}

/** Every chart has a canvas of some size with something drawn on it, and data in every series. */
async function expectChartsDrawn(page: Page): Promise<void> {
  const states = (await page.evaluate(CHART_STATES)) as ChartState[];
  expect(states.map((state) => state.name)).toEqual(CHARTS);
  for (const state of states) {
    expect(state.width * state.height, `${state.name} canvas size`).toBeGreaterThan(0);
    expect(state.painted, `${state.name} painted share`).toBeGreaterThan(0.01);
    expect(state.points.length, `${state.name} series`).toBeGreaterThan(0);
    expect(Math.min(...state.points), `${state.name} points in its emptiest series`).toBeGreaterThan(0);
  }
}

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
    const { page, errors } = await openReport(browser, file, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, offline: true });
    await expectChartsDrawn(page);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'report-mobile.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws every chart on a desktop screen too, with no console error (screenshot kept in test-results/)', async () => {
    const { page, errors } = await openReport(browser, file, { viewport: { width: 1280, height: 900 } });
    await expectChartsDrawn(page);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await page.screenshot({ path: join(ARTIFACTS, 'report-desktop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
