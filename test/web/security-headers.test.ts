import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Store } from '../../src/store/store.js';
import { dashboardHarness, getPage, signIn, type Harness } from '../dashboard/dashboard-harness.js';
import { publicSite } from './security-site.js';

function expectHtmlHeaders(response: Response, path: string): string {
  expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
  expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), path).toBe('DENY');
  expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
  const csp = response.headers.get('content-security-policy') ?? '';
  for (const directive of ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"]) expect(csp, path).toContain(directive);
  expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  return csp;
}

/** Same-site links of an HTML page at `path`, as paths. */
const linksOf = (html: string, path: string) =>
  [...html.matchAll(/href="([^"#]*)"/g)].map((match) => new URL(match[1]!.replaceAll('&amp;', '&'), `http://site${path}`)).filter((url) => url.host === 'site').map((url) => `${url.pathname}${url.search}`);

describe('security headers on every HTML page', () => {
  let site: { app: Hono; store: Store };
  let dashboard: Harness;
  beforeAll(async () => {
    site = await publicSite();
    dashboard = await dashboardHarness();
  });
  afterAll(async () => {
    await site.store.close();
    await dashboard.close();
  });

  it('archive: every page reachable from the home page and its rooms runs no script at all', async () => {
    const seen = new Set<string>();
    const queue = ['/archive/', '/archive/search/?q=安装'];
    while (queue.length > 0 && seen.size < 60) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await site.app.request(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
      expect(expectHtmlHeaders(response, path)).toContain("script-src 'none'");
      queue.push(...linksOf(await response.text(), path).filter((link) => link.startsWith('/archive/')));
    }
    expect([...seen].filter((path) => /\/c\/\d+\/$/.test(path)).length).toBeGreaterThan(0);
  });

  it('report: only the page\'s own inline scripts, by hash', async () => {
    const response = await site.app.request('/report/hostile');
    const csp = expectHtmlHeaders(response, '/report/hostile');
    expect(csp.match(/'sha256-[A-Za-z0-9+/=]+'/g)).toHaveLength(2);
  });

  it('dashboard: every section, signed in, runs no script', async () => {
    const alice = await signIn(dashboard, 'alice');
    for (const path of ['/dashboard/rooms', '/dashboard/faq', '/dashboard/health']) {
      expect(expectHtmlHeaders(await getPage(dashboard, alice, path), path)).toContain("script-src 'none'");
    }
  });

  it('nosniff on every other answer too (JSON, XML, text, redirects, errors)', async () => {
    for (const path of ['/healthz', '/robots.txt', '/archive/sitemap.xml', '/archive', '/report/none', '/no-such-page']) {
      const response = await site.app.request(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});
