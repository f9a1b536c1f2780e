import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFactories, type StoreFactory } from '../helpers/databases.js';
import { CANDIDATES } from '../../src/search/candidates.js';
import { archiveSearchRooms } from '../../src/store/migrations/0009-archive-search-rooms.js';
import { openStore } from '../../src/store/open-store.js';
import { openSqlite } from '../../src/store/sqlite.js';
import type { MessageInput, Store } from '../../src/store/store.js';
import { ROOMS, seedArchive } from './archive-fixture.js';

const factories = await storeFactories('SearchIndex contract');

describe.each(factories)('SearchIndex on %s', (_name, factory: StoreFactory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let ids: Record<string, number>;
  const texts = async (text: string, roomId?: number) => {
    const page = await store.search.search({ text, limit: 10, offset: 0, ...(roomId === undefined ? {} : { roomId }) });
    const messages = await store.archive.messagesById(page.hits.map((h) => h.messageId));
    const byId = new Map(messages.map((m) => [m.id, m.text]));
    return page.hits.map((h) => byId.get(h.messageId) ?? '(hidden)');
  };

  beforeAll(async () => {
    ({ store, cleanup } = await factory());
    ids = await seedArchive(store, ROOMS);
    await store.search.sync();
  });
  afterAll(async () => cleanup());

  it('finds Chinese words (jieba-segmented) and English words, case-insensitively', async () => {
    expect(await texts('安装')).toEqual(expect.arrayContaining([expect.stringContaining('安装失败')]));
    expect((await texts('WEBHOOK configure'))).toEqual(['How do I configure the webhook secret for GitHub?']);
    expect(await texts('webhook secret')).toHaveLength(2);
    expect(await texts('安装 node')).toHaveLength(2);
  });

  it('needs every word, ranks, pages, and treats query syntax as text', async () => {
    expect(await texts('安装 webhook')).toEqual([]);
    const first = await store.search.search({ text: 'wechaty', limit: 1, offset: 0 });
    expect(first.hits).toHaveLength(1);
    expect(first.terms).toEqual(['wechaty']);
    for (const hostile of ['"', "'", 'a OR b', 'NEAR(x y)', '*', '-', 'body:x', '\\', "'; drop table messages; --", '&|!()']) {
      await expect(store.search.search({ text: hostile, limit: 5, offset: 0 })).resolves.toBeDefined();
    }
  });

  it('never returns private rooms, recalled messages or opted-out members; edits are re-indexed', async () => {
    expect(await texts('secretplan')).toEqual([]);
    expect(await texts('wechaty', ids.priv)).toEqual([]);
    await store.messages.recall(ids.pub!, 'a2', new Date());
    expect(await texts('升级')).toEqual([]);
    const member = await store.members.upsert({ platform: 'stdio', externalId: 'id-Alice', name: 'Alice' });
    await store.archive.setOptOut(member.id, true);
    expect(await texts('configure')).toEqual([]);
    await store.archive.setOptOut(member.id, false);
    await store.messages.edit(ids.pub!, 'b1', 'How do I rotate the signing key?', new Date());
    await store.search.sync();
    expect(await texts('rotate')).toHaveLength(1);
    expect(await texts('configure')).toEqual([]);
  });

  it('does not index what redaction hides', async () => {
    expect(await texts('13812345678')).toEqual([]);
    expect(await texts('wangwu')).toEqual([]);
    expect(await texts('abc123secret')).toEqual([]);
  });

  it('indexes a room when it becomes public, and only then', async () => {
    await store.archive.setRoomPublic(ids.priv!, true);
    await store.search.sync();
    expect(await texts('secretplan')).toHaveLength(1);
    await store.archive.setRoomPublic(ids.priv!, false);
    expect(await texts('secretplan')).toEqual([]);
  });

  it('keeps to the rooms asked for while the index holds others (a room switched off, one room searched)', async () => {
    // priv is indexed by now and switched off: its matches are in the index and must stay out.
    expect(await texts('wechaty')).toEqual([expect.stringContaining('安装失败')]);
    expect(await texts('wechaty', ids.pub)).toEqual([expect.stringContaining('安装失败')]);
    expect(await texts('wechaty', ids.priv)).toEqual([]);
    await store.archive.setRoomPublic(ids.priv!, true);
    expect(await texts('wechaty')).toHaveLength(2);
    expect(await texts('wechaty', ids.priv)).toEqual([expect.stringContaining('secretplan')]);
    expect(await texts('wechaty', ids.pub)).toEqual([expect.stringContaining('安装失败')]);
    const scores = async (roomId?: number) => (await store.search.search({ text: 'wechaty', limit: 5, offset: 0, ...(roomId ? { roomId } : {}) })).hits.map((h) => h.score);
    // Ranked the same way whichever path the query takes.
    const all = await scores();
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(all).toEqual(expect.arrayContaining([...(await scores(ids.pub)), ...(await scores(ids.priv))]));
    await store.archive.setRoomPublic(ids.priv!, false);
    expect(await texts('wechaty')).toHaveLength(1);
  });
});

describe.each(factories)('SearchIndex on %s, a word in more messages than it ranks', (_name, factory: StoreFactory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let roomId: number;
  let hidden: Set<number>;
  const MANY = CANDIDATES + 150;

  beforeAll(async () => {
    ({ store, cleanup } = await factory());
    const room = await store.rooms.upsert({ platform: 'stdio', externalId: 'busy', kind: 'group', topic: 'busy' });
    roomId = room.id;
    await store.archive.setRoomPublic(roomId, true);
    const people = await store.members.upsert({ platform: 'stdio', externalId: 'id-p', name: 'P' });
    const quiet = await store.members.upsert({ platform: 'stdio', externalId: 'id-q', name: 'Q' });
    const start = Date.parse('2026-11-24T02:00:00Z');
    const inputs: MessageInput[] = [];
    // The oldest mention the rare word, and one of them nothing else: the best match of it by far.
    for (let i = 0; i < MANY; i++) {
      const text = i === 3 ? 'rareword, rareword' : i < 10 ? `frequent rareword ${'filler '.repeat(i + 3)}` : `frequent message ${i}`;
      inputs.push({ roomId, senderId: people.id, platformMsgId: `f${i}`, kind: 'text', text, ts: new Date(start + i * 60_000), isSelf: false, conversationId: `c${Math.floor(i / 8)}` });
    }
    // The newest 300, all by someone who opted out: they must neither show nor crowd the others out.
    for (let i = 0; i < 300; i++) {
      inputs.push({ roomId, senderId: quiet.id, platformMsgId: `q${i}`, kind: 'text', text: `frequent quiet ${i}`, ts: new Date(start + (MANY + i) * 60_000), isSelf: false, conversationId: `q${i}` });
    }
    const stored = await store.messages.insertMany(inputs);
    hidden = new Set(stored.slice(MANY).map((m) => m!.id));
    await store.archive.setOptOut(quiet.id, true);
    await store.search.sync();
  });
  afterAll(async () => cleanup());

  it('pages through every page the web shows, full, without repeats, none hidden', async () => {
    const seen = new Set<number>();
    for (let page = 0; page < 50; page++) {
      const found = await store.search.search({ text: 'frequent', limit: 20, offset: page * 20 });
      expect(found.hits).toHaveLength(20);
      expect(found.more).toBe(true);
      for (const hit of found.hits) {
        expect(hidden.has(hit.messageId)).toBe(false);
        expect(seen.has(hit.messageId)).toBe(false);
        seen.add(hit.messageId);
      }
    }
    const inRoom = await store.search.search({ text: 'frequent', roomId, limit: 20, offset: 0 });
    expect(inRoom.hits).toHaveLength(20);
    expect(inRoom.hits.some((h) => hidden.has(h.messageId))).toBe(false);
  });

  it('ranks a word with fewer matches than that in full, oldest included', async () => {
    const found = await store.search.search({ text: 'rareword', limit: 20, offset: 0 });
    expect(found.hits).toHaveLength(10);
    const [best] = await store.archive.messagesById([found.hits[0]!.messageId]);
    expect(best?.text).toBe('rareword, rareword');
    const scores = found.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('SQLite archive index migration 0009 (room column)', () => {
  it('keeps what was indexed, both ways, without segmenting again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-0009-'));
    try {
      const file = join(dir, 'db.sqlite');
      let store = await openStore(file);
      const ids = await seedArchive(store, ROOMS);
      await store.search.sync();
      await store.close();
      const { db } = openSqlite(file);
      await archiveSearchRooms('sqlite').down(db as never);
      expect(await db.selectFrom('archive_fts').select('rowid').execute()).not.toHaveLength(0);
      await archiveSearchRooms('sqlite').up(db as never);
      const rooms = await db.selectFrom('archive_fts').select('room').distinct().execute();
      expect(rooms.map((r) => r.room)).toEqual([`r${ids.pub}`]);
      await db.destroy();
      store = await openStore(file);
      const page = await store.search.search({ text: 'webhook secret', limit: 10, offset: 0, roomId: ids.pub! });
      expect(page.hits).toHaveLength(2);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
