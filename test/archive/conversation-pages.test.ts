import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../src/core/archive/archive-reader.js';
import { MAX_CONVERSATION_MESSAGES } from '../../src/core/threads/threader.js';
import { loadConfig } from '../../src/config/load.js';
import { runImport } from '../../src/importers/run-import.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { archiveSettings, storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { publishSite } from '../../src/web/views/archive-publish.js';
import { storeFactories } from '../helpers/databases.js';

const LONG = 5000;
const PAGE_BYTES = 300_000;
const START = Date.parse('2026-11-24T02:00:00Z');
const defaults = loadConfig({ env: {} });
const config = { ...defaults, archive: { ...defaults.archive, baseUrl: 'https://chat.example.org/archive' } };
const health = { pingDatabase: async () => undefined, chatState: () => 'ready' };
const text = (i: number) => (i === 3 ? `huge paste ${'x'.repeat(2_000_000)}` : `message-${i} 配置 webhook 的第 ${i} 步`);

/** A room whose one conversation holds 5,000 messages, placed before conversations had a cap (as an old database has it). */
async function seedLongConversation(store: Store): Promise<{ roomId: number; number: number }> {
  const room = await store.rooms.upsert({ platform: 'stdio', externalId: 'long', kind: 'group', topic: '长讨论群' });
  await store.archive.setRoomPublic(room.id, true);
  const members = [await store.members.upsert({ platform: 'stdio', externalId: 'u1', name: '张三' }), await store.members.upsert({ platform: 'stdio', externalId: 'u2', name: '李四' })];
  for (let at = 0; at < LONG; at += 1000) {
    const batch = Array.from({ length: 1000 }, (_, k) => at + k).map((i) => ({
      roomId: room.id, senderId: members[i % 2]!.id, platformMsgId: `m${i}`, kind: 'text' as const, text: text(i),
      ts: new Date(START + i * 1000), isSelf: false, conversationId: 'm0', ...(i > 0 ? { threadParent: `m${i - 1}` } : {}),
    }));
    await store.messages.insertMany(batch);
  }
  const number = (await store.archive.conversationNumber(room.id, 'm0'))!;
  return { roomId: room.id, number };
}

describe.each(await storeFactories('conversation pages'))('a 5,000-message conversation on %s', (_name, factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let roomId: number;
  let number: number;
  beforeAll(async () => {
    ({ store, cleanup } = await factory());
    ({ roomId, number } = await seedLongConversation(store));
  }, 120_000);
  afterAll(async () => cleanup());

  it('is served in pages of bounded size: page 1 at the old address, page 2 and the last exist, none beyond', async () => {
    const app = createWebApp({ health, archive: storeArchiveSource(store, config, 0) });
    const get = async (path: string) => {
      const response = await app.request(path);
      return { status: response.status, location: response.headers.get('location'), text: await response.text() };
    };
    const base = `/archive/${roomId}/c/${number}/`;
    const first = await get(base);
    expect(first.status).toBe(200);
    expect(Buffer.byteLength(first.text)).toBeLessThan(PAGE_BYTES);
    expect(first.text).toContain('message-199 ');
    expect(first.text).not.toContain('message-200 ');
    expect(first.text).toContain(`href="../../../${roomId}/c/${number}/page/2/" rel="next"`);
    const second = await get(`${base}page/2/`);
    expect(second.status).toBe(200);
    expect(Buffer.byteLength(second.text)).toBeLessThan(PAGE_BYTES);
    expect(second.text).toContain('message-200 ');
    expect(second.text).toContain('message-399 ');
    expect(second.text).not.toContain('message-400 ');
    expect(second.text).toContain(`<link rel="canonical" href="https://chat.example.org/archive/${roomId}/c/${number}/page/2/">`);
    const last = await get(`${base}page/25/`);
    expect(last.status).toBe(200);
    expect(last.text).toContain('message-4999 ');
    expect(last.text).not.toContain('rel="next"');
    expect((await get(`${base}page/26/`)).status).toBe(404);
    expect((await get(`${base}page/0/`)).status).toBe(404);
    expect(await get(`${base}page/1/`)).toMatchObject({ status: 301, location: base });
    const sitemap = (await get('/archive/sitemap.xml')).text;
    expect(sitemap).toContain(`${roomId}/c/${number}/page/25/`);
  });

  it('is published as the same pages in the static site', async () => {
    const out = mkdtempSync(join(tmpdir(), 'osschat-pages-'));
    try {
      const reader = new ArchiveReader(store, { ...archiveSettings(config), baseUrl: 'https://chat.example.org/archive' });
      const report = await publishSite(store, reader, out);
      expect(report.errors).toEqual([]);
      const dir = join(out, String(roomId), 'c', String(number));
      for (const file of ['index.html', 'page/2/index.html', 'page/25/index.html']) expect(statSync(join(dir, file)).size, file).toBeLessThan(PAGE_BYTES);
      expect(existsSync(join(dir, 'page/26/index.html'))).toBe(false);
      expect(readFileSync(join(dir, 'page/2/index.html'), 'utf8')).toContain('message-399 ');
      const index = JSON.parse(readFileSync(join(out, String(roomId), 'search-index.json'), 'utf8')) as { index: { storedFields: Record<string, { p?: number }> } };
      expect(Object.values(index.index.storedFields).some((fields) => fields.p === 25)).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('placing a chat of 5,000 quotes, each of the message before', () => {
  it('caps every conversation at MAX_CONVERSATION_MESSAGES (an import had made one conversation of 200,000)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-cap-'));
    const store = await openStore(join(dir, 'osschat.db'));
    try {
      const lines = Array.from({ length: LONG }, (_, i) =>
        JSON.stringify({ type: 'message', id: `q${i}`, room: { id: 'chain', topic: '引用链' }, from: { id: `u${i % 3}`, name: `成员${i % 3}` }, text: `第 ${i} 条`, ts: new Date(START + i * 1000).toISOString(), ...(i > 0 ? { replyTo: `q${i - 1}` } : {}) }),
      );
      writeFileSync(join(dir, 'chain.jsonl'), `${lines.join('\n')}\n`);
      expect(await runImport(store, join(dir, 'chain.jsonl'))).toMatchObject({ added: LONG });
      const room = (await store.rooms.findByName('引用链'))!;
      const sizes = new Map<string, number>();
      for await (const message of store.messages.streamRoom(room.id)) sizes.set(message.conversationId ?? '', (sizes.get(message.conversationId ?? '') ?? 0) + 1);
      expect(Math.max(...sizes.values())).toBe(MAX_CONVERSATION_MESSAGES);
      expect([...sizes.values()].sort((a, b) => b - a)).toEqual([2000, 2000, 1000]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
