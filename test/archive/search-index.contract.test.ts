import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFactories, type StoreFactory } from '../helpers/databases.js';
import type { Store } from '../../src/store/store.js';
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
});
