import { describe, expect, it } from 'vitest';
import { RoomThreads, LIVE_REMEMBERED_IDS } from '../../src/core/threads/room-threads.js';
import { Threader } from '../../src/core/threads/threader.js';
import type { ThreadMessage } from '../../src/core/threads/types.js';
import type { Repositories } from '../../src/store/store.js';

/** A room with no stored history: the live engine starts empty. */
const emptyRoom = { messages: { before: async () => [] }, members: { findById: async () => undefined } } as unknown as Repositories;

const message = (i: number): ThreadMessage => ({ id: `m${i}`, senderId: `u${i % 13}`, senderName: `u${i % 13}`, text: `message ${i} about topic${i % 7}`, ts: 1_795_000_000_000 + i * 1000 });

describe('what the threading engine remembers', () => {
  // A soak's bot grew with every message: each live room kept 50,000 ids (about 6 MB) before forgetting any.
  it('a live room remembers the latest LIVE_REMEMBERED_IDS ids, then forgets the oldest', async () => {
    const threads = new RoomThreads();
    for (let i = 0; i <= LIVE_REMEMBERED_IDS; i++) await threads.place(emptyRoom, 1, message(i));
    expect((await threads.place(emptyRoom, 1, message(LIVE_REMEMBERED_IDS))).reasons).toEqual(['known']);
    expect((await threads.place(emptyRoom, 1, message(0))).reasons).not.toEqual(['known']);
  });

  it('a Threader remembers as many ids as it is told (imports keep the default 50,000)', () => {
    const threader = new Threader({ rememberedIds: 10 });
    for (let i = 0; i < 11; i++) threader.add(message(i));
    expect(threader.add(message(1)).reasons).toEqual(['known']);
    expect(threader.add(message(0)).reasons).not.toEqual(['known']);
  });
});
