import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../src/core/archive/archive-reader.js';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { archiveSettings, storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { storeReportSource } from '../../src/web/routes/report.js';
import { publishSite } from '../../src/web/views/archive-publish.js';
import { ROOMS, seedArchive } from './archive-fixture.js';

const health = { pingDatabase: async () => undefined, chatState: () => 'ready' };
const config = loadConfig({ env: {} });

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)).map((f) => `${name}/${f}`) : [name]));

describe('/report/ROOM by the archive\'s room number, linked from the archive', () => {
  let store: Store;
  let ids: Record<string, number>;
  beforeEach(async () => {
    store = await openStore(':memory:');
    ids = await seedArchive(store, ROOMS);
  });
  afterEach(async () => store.close());

  it('links a public room\'s archive page to its report, and the link (relative, as written) opens the report', async () => {
    const app = createWebApp({ health, archive: storeArchiveSource(store, config, 0), report: storeReportSource(store, config) });
    const page = `/archive/${ids.pub}/`;
    const html = await (await app.request(page)).text();
    const href = html.match(/<a href="([^"]*report\/[^"]*)">本群的分析报告<\/a>/)?.[1];
    expect(href).toBe(`../../report/${ids.pub}`);
    const target = new URL(href!, `http://osschat.test${page}`);
    expect(target.pathname).toBe(`/report/${ids.pub}`);
    const report = await app.request(target.pathname);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('OSSChat 开发者群');
  });

  it('takes the slug as the archive writes it, with its trailing slash and query', async () => {
    const app = createWebApp({ health, report: storeReportSource(store, config) });
    const slashed = await app.request(`/report/${ids.pub}/?since=2026-11-01`);
    expect(slashed.status).toBe(301);
    expect(slashed.headers.get('location')).toBe(`/report/${ids.pub}?since=2026-11-01`);
    expect((await app.request(`/report/${ids.pub}?since=2026-11-01`)).status).toBe(200);
  });

  it('never leads to a private room: no archive page, no report, no link on any page', async () => {
    const app = createWebApp({ health, archive: storeArchiveSource(store, config, 0), report: storeReportSource(store, config) });
    expect((await app.request(`/archive/${ids.priv}/`)).status).toBe(404);
    expect((await app.request(`/report/${ids.priv}`)).status).toBe(404);
    const slashed = await app.request(`/report/${ids.priv}/`);
    expect((await app.request(slashed.headers.get('location') ?? `/report/${ids.priv}/`)).status).toBe(404);
    const home = await (await app.request('/archive/')).text();
    const landing = await (await app.request('/')).text();
    for (const text of [home, landing]) {
      expect(text).not.toContain(`report/${ids.priv}`);
      expect(text).not.toContain('内部私密群');
    }
  });

  it('writes no report link where no report is served: the published static site, an archive-only server', async () => {
    const alone = createWebApp({ health, archive: storeArchiveSource(store, config, 0) });
    expect(await (await alone.request(`/archive/${ids.pub}/`)).text()).not.toContain('report/');
    const out = mkdtempSync(join(tmpdir(), 'osschat-report-slug-'));
    await publishSite(store, new ArchiveReader(store, archiveSettings(config)), out);
    const pages = files(out).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((file) => readFileSync(join(out, file), 'utf8').includes('report/'))).toEqual([]);
  });
});
