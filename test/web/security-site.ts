import type { Hono } from 'hono';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { renderReportPage } from '../../src/web/views/report-page.js';
import { ROOMS, seedArchive } from '../archive/archive-fixture.js';
import { XSS_ROOM } from '../archive/xss-fixture.js';
import { hostileReport } from './report-fixture.js';

/** The public surfaces as served: the archive of the fixture rooms and a report of hostile data at /report/hostile. */
export async function publicSite(): Promise<{ app: Hono; store: Store }> {
  const store = await openStore(':memory:');
  await seedArchive(store, [...ROOMS, XSS_ROOM]);
  const html = renderReportPage(await hostileReport(), 'zh-CN');
  const app = createWebApp({
    health: { pingDatabase: async () => undefined, chatState: () => 'ready' },
    archive: storeArchiveSource(store, loadConfig({ env: {} }), 0),
    report: { page: async (room) => (room === 'hostile' ? { html } : undefined) },
  });
  return { app, store };
}
