import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveReader } from '../../src/core/archive/archive-reader.js';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { Room } from '../../src/core/types.js';
import { archiveSettings } from '../../src/web/routes/archive-source.js';
import { ROOMS, seedArchive } from './archive-fixture.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ArchiveReader room cache', () => {
  let store: Store;
  let room: Room;
  const addConversation = (id: string) =>
    store.messages.insertMany([{ roomId: room.id, senderId: 1, platformMsgId: id, kind: 'text', text: `new ${id}`, ts: new Date(Date.parse('2026-11-25T00:00:00Z')), isSelf: false, conversationId: id }]);

  beforeEach(async () => {
    store = await openStore(':memory:');
    const ids = await seedArchive(store, ROOMS);
    room = (await store.archive.publicRooms()).find((r) => r.id === ids.pub)!;
  });
  afterEach(async () => store.close());

  it('reads every time with no cache', async () => {
    const reader = new ArchiveReader(store, archiveSettings(loadConfig({ env: {} }), 0));
    const before = (await reader.summaries(room)).length;
    await addConversation('n1');
    expect(await reader.summaries(room)).toHaveLength(before + 1);
  });

  it('serves the old copy while a fresh one loads, up to twice cacheMs; then waits for it', async () => {
    const reader = new ArchiveReader(store, archiveSettings(loadConfig({ env: {} }), 1000));
    const before = (await reader.summaries(room)).length;
    await addConversation('n1');
    expect(await reader.summaries(room)).toHaveLength(before);
    await sleep(1100);
    // Past cacheMs: the old copy at once, the fresh one a moment later.
    expect(await reader.summaries(room)).toHaveLength(before);
    await vi.waitFor(async () => expect(await reader.summaries(room)).toHaveLength(before + 1), { timeout: 800, interval: 20 });
    await addConversation('n2');
    await sleep(2100);
    // Past twice cacheMs: no old copy is served.
    expect(await reader.summaries(room)).toHaveLength(before + 2);
  });
});
