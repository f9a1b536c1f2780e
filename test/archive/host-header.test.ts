import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { NO_ARCHIVE_ADDRESS, storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { ROOMS, seedArchive } from './archive-fixture.js';

const health = { pingDatabase: async () => undefined, chatState: () => 'ready' };
const defaults = loadConfig({ env: {} });

/** Every archive surface a cache or a crawler would keep, fetched with a forged Host header. */
async function crawlAsEvil(store: Store, config: Config, pub: number): Promise<{ all: string; statuses: Record<string, number> }> {
  const warnings: string[] = [];
  const app = createWebApp({ health, archive: storeArchiveSource(store, config, 0, { warn: (_o, msg) => void warnings.push(msg ?? '') }) });
  const get = async (path: string) => {
    const response = await app.request(`http://evil.example${path}`, { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } });
    return { path, status: response.status, text: `${[...response.headers].join('\n')}\n${await response.text()}` };
  };
  const room = await get(`/archive/${pub}/`);
  const conversations = [...room.text.matchAll(/href="([^"]*c\/\d+\/)"/g)].map((m) => `/archive/${pub}/${m[1]!.replace(/^(\.\.\/)*\d+\//, '')}`);
  expect(conversations.length).toBeGreaterThan(0);
  const paths = ['/robots.txt', '/archive/sitemap.xml', `/archive/${pub}/feed.atom`, '/archive/', `/archive/${pub}/2026-11-24/`, '/archive/search/?q=wechaty', `/archive/${pub}`, ...conversations];
  const pages = [room, ...(await Promise.all(paths.map(get)))];
  return { all: pages.map((p) => p.text).join('\n') + warnings.join('\n'), statuses: Object.fromEntries(pages.map((p) => [p.path, p.status])) };
}

describe('a forged Host header never reaches an absolute address', () => {
  let store: Store;
  let pub: number;
  beforeEach(async () => {
    store = await openStore(':memory:');
    pub = (await seedArchive(store, ROOMS)).pub!;
  });
  afterEach(async () => store.close());

  it('without archive.baseUrl or web.baseUrl: relative links; no sitemap, feed, canonical or Sitemap line; one warning', async () => {
    const warnings: string[] = [];
    storeArchiveSource(store, defaults, 0, { warn: (_o, msg) => void warnings.push(msg ?? '') });
    expect(warnings).toEqual([NO_ARCHIVE_ADDRESS]);
    const { all, statuses } = await crawlAsEvil(store, defaults, pub);
    expect(all).not.toContain('evil.example');
    expect(all).not.toContain('rel="canonical"');
    expect(all).not.toContain('Sitemap:');
    expect(statuses['/archive/sitemap.xml']).toBe(404);
    expect(statuses[`/archive/${pub}/feed.atom`]).toBe(404);
    expect(all).not.toContain('feed.atom');
    expect(statuses[`/archive/${pub}/`]).toBe(200);
  });

  it('with web.baseUrl: the configured address, never the Host', async () => {
    const config = { ...defaults, web: { ...defaults.web, baseUrl: 'https://chat.example.org' } };
    const { all, statuses } = await crawlAsEvil(store, config, pub);
    expect(all).not.toContain('evil.example');
    expect(statuses['/archive/sitemap.xml']).toBe(200);
    expect(all).toContain('Sitemap: https://chat.example.org/archive/sitemap.xml');
    expect(all).toContain(`<link rel="canonical" href="https://chat.example.org/archive/${pub}/">`);
    expect(all).toContain(`https://chat.example.org/archive/${pub}/c/`);
  });

  it('with archive.baseUrl: that address wins', async () => {
    const config = { ...defaults, web: { ...defaults.web, baseUrl: 'https://chat.example.org' }, archive: { ...defaults.archive, baseUrl: 'https://archive.example.net/chat/' } };
    const { all } = await crawlAsEvil(store, config, pub);
    expect(all).not.toContain('evil.example');
    expect(all).toContain('Sitemap: https://archive.example.net/chat/sitemap.xml');
    expect(all).not.toContain('chat.example.org');
  });
});
