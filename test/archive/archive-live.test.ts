import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { ROOMS, seedArchive } from './archive-fixture.js';

const health = { pingDatabase: async () => undefined, chatState: () => 'ready' };

describe('live archive', () => {
  let store: Store;
  let ids: Record<string, number>;
  let app: ReturnType<typeof createWebApp>;
  const base = loadConfig({ env: {} });
  const config = { ...base, archive: { ...base.archive, baseUrl: 'http://archive.test/archive' } };
  const get = async (path: string) => {
    const response = await app.request(`http://archive.test${path}`);
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
  };
  /** Every page a crawler can reach, concatenated. */
  const everything = async () => {
    const pub = ids.pub!;
    const pages = ['/archive/', `/archive/${pub}/`, `/archive/${pub}/feed.atom`, '/archive/sitemap.xml', '/robots.txt', `/archive/${pub}/2026-11-24/`];
    const conversations = [...(await get('/archive/sitemap.xml')).text.matchAll(/\/c\/(\d+)\//g)].map((m) => `/archive/${pub}/c/${m[1]}/`);
    const searches = ['wechaty', '安装', 'webhook', 'node', '手机'].map((q) => `/archive/search/?q=${encodeURIComponent(q)}`);
    return (await Promise.all([...pages, ...conversations, ...searches].map(get))).map((r) => r.text).join('\n');
  };

  beforeEach(async () => {
    store = await openStore(':memory:');
    ids = await seedArchive(store, ROOMS);
    app = createWebApp({ health, archive: storeArchiveSource(store, config, 0) });
  });
  afterEach(async () => store.close());

  it('lists public rooms, days and conversations with titles, lang and description', async () => {
    const home = await get('/archive/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('OSSChat 开发者群');
    expect(home.text).toContain('<html lang="zh-CN"');
    const room = await get(`/archive/${ids.pub}/`);
    expect(room.text).toContain('请问 wechaty 安装失败怎么办？');
    expect(room.text).toContain('2026-11-24');
    const byName = await app.request(`http://archive.test/archive/${encodeURIComponent('OSSChat 开发者群')}/`);
    expect(byName.status).toBe(301);
  });

  it('never shows a private room anywhere', async () => {
    const all = await everything();
    expect(all).not.toContain('内部私密群');
    expect(all).not.toContain('secretplan');
    expect(all).not.toContain('赵六');
    expect((await get(`/archive/${ids.priv}/`)).status).toBe(404);
    expect((await get('/archive/priv/')).status).toBe(404);
    for (const q of ['secretplan', '机密', '发布计划']) {
      expect((await get(`/archive/search/?q=${encodeURIComponent(q)}`)).text).toContain('<ol class="list" id="results"></ol>');
      expect((await get(`/archive/search/?q=${encodeURIComponent(q)}&room=${ids.priv}`)).text).toContain('<ol class="list" id="results"></ol>');
    }
  });

  it('redacts phones, e-mails, WeChat ids and URL secrets; names are initials by default', async () => {
    const all = await everything();
    for (const secret of ['13812345678', 'wangwu@example.com', 'wangwu_88', 'abc123secret']) expect(all).not.toContain(secret);
    expect(all).toContain('[phone]');
    expect(all).toContain('张*');
    expect(all).not.toContain('张三');
  });

  it('serves a conversation with JSON-LD, a meta description, the feed and the sitemap', async () => {
    const sitemap = await get('/archive/sitemap.xml');
    const path = sitemap.text.match(/\/archive\/\d+\/c\/\d+\//)![0];
    const page = await get(path);
    expect(page.text).toContain('"@type":"DiscussionForumPosting"');
    expect(page.text).toMatch(/<meta name="description" content="[^"]+">/);
    const feed = await get(`/archive/${ids.pub}/feed.atom`);
    expect(feed.type).toContain('atom');
    expect(feed.text).toContain('<entry>');
    expect((await get('/robots.txt')).text).toContain('Sitemap: http://archive.test/archive/sitemap.xml');
  });

  it('finds Chinese and English terms, ranked and highlighted', async () => {
    const zh = await get(`/archive/search/?q=${encodeURIComponent('安装')}`);
    expect(zh.text).toContain('<mark>安装</mark>');
    const en = await get('/archive/search/?q=WEBHOOK');
    expect(en.text).toMatch(/<mark>webhook<\/mark>/i);
    expect(en.text).not.toContain('安装失败');
  });

  it('leaves out an opted-out member retroactively: messages, name and mentions', async () => {
    const member = (await store.members.upsert({ platform: 'stdio', externalId: 'id-张三', name: '张三' }))!;
    await store.archive.setOptOut(member.id, true);
    const all = await everything();
    expect(all).not.toContain('安装失败');
    expect(all).not.toContain('张三');
    expect(all).not.toContain('张*');
    expect(all).toContain('试试升级 Node');
  });

  it('removes recalled messages and shows edited text, live and in search', async () => {
    await store.messages.recall(ids.pub!, 'b2', new Date());
    await store.messages.edit(ids.pub!, 'b1', 'How do I rotate the signing key?', new Date());
    const all = await everything();
    expect(all).not.toContain('GITHUB_WEBHOOK_SECRET');
    expect(all).toContain('rotate the signing key');
    expect((await get('/archive/search/?q=webhook')).text).not.toContain('<mark>');
    expect((await get('/archive/search/?q=rotate')).text).toContain('<mark>rotate</mark>');
  });

  it('a room switched off disappears at once', async () => {
    await store.archive.setRoomPublic(ids.pub!, false);
    const all = await everything();
    expect(all).not.toContain('wechaty 安装');
    expect(all).not.toContain('webhook secret');
  });
});
