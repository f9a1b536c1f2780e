import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../src/core/archive/archive-reader.js';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { archiveSettings, storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { publishSite } from '../../src/web/views/archive-publish.js';
import { seedArchive } from './archive-fixture.js';
import { XSS_ROOM, xssProblems } from './xss-fixture.js';

const health = { pingDatabase: async () => undefined, chatState: () => 'ready' };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)).map((f) => `${name}/${f}`) : [name]));
}

/** Scripts a page may carry: JSON-LD on conversations; config, library and search script on the static search page. */
const allowed = (path: string) => (path.includes('search') ? 3 : path.includes('/c/') ? 1 : 0);

/** JSON-LD stays parseable; a conversation's first page must carry it, or the check would pass on nothing. */
function checkJsonLd(html: string, path: string): void {
  const blocks = [...html.matchAll(/<script type="application\/(?:ld\+)?json"[^>]*>([\s\S]*?)<\/script>/g)];
  if (/\/c\/\d+\/(index\.html)?$/.test(path)) expect(blocks.length, `JSON-LD in ${path}`).toBe(1);
  for (const match of blocks) expect(() => JSON.parse(match[1]!), path).not.toThrow();
}

describe('XSS payloads in live and static output', () => {
  let store: Store;
  let id: number;
  let out: string;
  const config = loadConfig({ env: {} });

  beforeAll(async () => {
    store = await openStore(':memory:');
    id = (await seedArchive(store, [XSS_ROOM])).xss!;
    out = mkdtempSync(join(tmpdir(), 'osschat-xss-'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('live pages, feed, sitemap and search escape everything', async () => {
    const app = createWebApp({ health, archive: storeArchiveSource(store, { ...config, archive: { ...config.archive, names: 'full', baseUrl: 'http://x.test/archive' } }, 0) });
    const get = async (path: string) => (await app.request(`http://x.test${path}`)).text();
    const sitemap = await get('/archive/sitemap.xml');
    const conversations = [...sitemap.matchAll(/\/archive\/\d+\/c\/\d+\//g)].map((m) => m[0]);
    expect(conversations.length).toBeGreaterThan(3);
    const paths = ['/archive/', `/archive/${id}/`, `/archive/${id}/2026-11-24/`, ...conversations, '/archive/search/?q=payload', `/archive/search/?q=${encodeURIComponent('<script>攻击')}`];
    for (const path of paths) {
      const html = await get(path);
      expect(xssProblems(html, allowed(path)), path).toEqual([]);
      expect(html).toMatch(/<\/html>\s*$/);
      checkJsonLd(html, path);
    }
    const feed = await get(`/archive/${id}/feed.atom`);
    expect(xssProblems(feed, 0)).toEqual([]);
    expect(feed).not.toContain('<entry><entry>');
  });

  it('the static site escapes everything', async () => {
    const reader = new ArchiveReader(store, { ...archiveSettings({ ...config, archive: { ...config.archive, names: 'full' } }), baseUrl: 'https://example.org/chat' });
    await publishSite(store, reader, out);
    for (const path of files(out).filter((f) => /\.(html|atom|xml)$/.test(f))) {
      const text = readFileSync(join(out, path), 'utf8');
      expect(xssProblems(text, allowed(path)), path).toEqual([]);
      checkJsonLd(text, path);
    }
    expect(() => JSON.parse(readFileSync(join(out, `${id}/search-index.json`), 'utf8'))).not.toThrow();
  });
});
