import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { storeReportSource } from '../../src/web/routes/report.js';
import { VERSION } from '../../src/version.js';

const health = { pingDatabase: async () => undefined, chatState: () => 'ready' };
const config = loadConfig({ env: {} });
const dashboard = {
  github: { clientId: 'id', clientSecret: 'secret', apiUrl: 'http://127.0.0.1:9', webUrl: 'http://127.0.0.1:9' },
  baseUrl: 'http://osschat.test', sessionSecret: 'a-test-secret-that-is-long-enough-1234', log: silentLogger,
};

describe('GET / (landing page)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(async () => store.close());

  const appWith = (parts: { dashboard?: boolean } = {}) =>
    createWebApp({
      health, archive: storeArchiveSource(store, config, 0), report: storeReportSource(store, config),
      ...(parts.dashboard ? { dashboard: { ...dashboard, store } } : {}),
    });

  it('names OSSChat and its version, links health, and the dashboard only when it is served; with the HTML security headers', async () => {
    const response = await appWith().request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    expect(html).toContain(`OSSChat <small>v${VERSION}</small>`);
    expect(html).toContain('<a href="/healthz">运行状态</a>');
    expect(html).not.toContain('href="/dashboard"');
    expect(html).not.toContain('href="/archive/"');
    expect(await (await appWith({ dashboard: true }).request('/')).text()).toContain('<a href="/dashboard">管理后台</a>');
  });

  it('speaks the visitor\'s language: Accept-Language, or ?lang= remembered in a cookie', async () => {
    const app = appWith();
    const english = await (await app.request('/', { headers: { 'accept-language': 'en-US,en;q=0.9' } })).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<a href="/healthz">Health</a>');
    const chosen = await app.request('/?lang=zh-CN', { headers: { 'accept-language': 'en' } });
    expect(await chosen.text()).toContain('<html lang="zh-CN">');
    const cookie = chosen.headers.get('set-cookie')!.split(';')[0]!;
    expect(await (await app.request('/', { headers: { 'accept-language': 'en', cookie } })).text()).toContain('<html lang="zh-CN">');
  });

  it('links the archive and each public room with its report, escaped; never a private room', async () => {
    const pub = await store.rooms.upsert({ platform: 'stdio', externalId: 'r1', kind: 'group', topic: '<script>alert(1)</script> 群' });
    await store.rooms.upsert({ platform: 'stdio', externalId: 'r2', kind: 'group', topic: '内部私密群' });
    await store.archive.setRoomPublic(pub.id, true);
    const html = await (await appWith().request('/')).text();
    expect(html).toContain('<a href="/archive/">公开存档</a>');
    expect(html).toContain(`<a href="/archive/${pub.id}/" lang="zh-CN">&lt;script&gt;alert(1)&lt;/script&gt; 群</a> · <a href="/report/${pub.id}">分析报告</a>`);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('内部私密群');
  });
});
