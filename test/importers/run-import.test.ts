import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/importers/run-import.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { StoredMessage } from '../../src/core/types.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url));
let store: Store;

beforeEach(async () => {
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'osschat-import-')), 'osschat.db'));
});
afterEach(() => store.close());

async function roomMessages(name: string): Promise<StoredMessage[]> {
  const room = await store.rooms.findByName(name);
  const all: StoredMessage[] = [];
  if (room) for await (const message of store.messages.streamRoom(room.id)) all.push(message);
  return all;
}

describe('runImport into the message log', () => {
  it('adds every good record, counts the bad ones with their position, and adds nothing the second time', async () => {
    const first = await runImport(store, fixture('telegram-chat.json'), { batchSize: 2 });
    expect(first).toMatchObject({ format: 'telegram', added: 5, duplicates: 0, bad: 1, badRecords: [{ at: 'OSSChat 开发者群 messages[4]', reason: 'from_id: missing' }] });
    const again = await runImport(store, fixture('telegram-chat.json'));
    expect(again).toMatchObject({ added: 0, duplicates: 5, bad: 1 });
    const stored = await roomMessages('OSSChat 开发者群');
    expect(stored.map((m) => m.platformMsgId)).toEqual(['1', '2', '3', '4', '6']);
    expect(stored[2]!.replyTo).toBe('2');
  });

  it('dedupes exports without message ids by a hash, keeping repeated identical messages apart', async () => {
    expect(await runImport(store, fixture('whatsapp-android.txt'))).toMatchObject({ added: 5, duplicates: 0, systemLines: 3 });
    expect(await runImport(store, fixture('whatsapp-android.txt'))).toMatchObject({ added: 0, duplicates: 5, systemLines: 3 });
    const oks = (await roomMessages('whatsapp-android')).filter((m) => m.text === 'ok');
    expect(oks).toHaveLength(2);
    expect(oks[0]!.platformMsgId).toMatch(/^h:/);
    expect(oks[0]!.platformMsgId).not.toBe(oks[1]!.platformMsgId);
  });

  it('imports Slack from a zip the same as from the folder: the zip after the folder adds nothing', async () => {
    expect(await runImport(store, fixture('slack'))).toMatchObject({ added: 5, bad: 1 });
    expect(await runImport(store, fixture('slack.zip'))).toMatchObject({ added: 0, duplicates: 5, bad: 1 });
  });

  it('replays our own JSON Lines with edits and recalls once; a command is stored as one and never run', async () => {
    expect(await runImport(store, fixture('stdio.jsonl'))).toMatchObject({ format: 'jsonl', added: 5, bad: 1 });
    expect(await runImport(store, fixture('stdio.jsonl'))).toMatchObject({ added: 0, duplicates: 5 });
    const [first, command, bot] = await roomMessages('OSSChat 开发者群');
    expect(first!.text).toBe('第一条（改）');
    expect(await store.messages.revisions(first!.id)).toHaveLength(1);
    expect(command).toMatchObject({ text: '以上两条开工单', command: 'issue' });
    expect(bot).toMatchObject({ isSelf: true });
    expect(bot!.recalledAt).not.toBeNull();
    expect(await store.outbox.counts()).toMatchObject({ pending: 0, running: 0 });
  });

  it('--room puts the messages into an existing room, or names a new one', async () => {
    await runImport(store, fixture('wechat-group.txt'), { room: '开发者群' });
    await runImport(store, fixture('OSSChat 开发者群_utf8.csv'), { room: '开发者群' });
    expect(await roomMessages('开发者群')).toHaveLength(10);
    expect(await store.rooms.list()).toHaveLength(1);
  });

  it('reads and threads in a worker thread with the same result as in this one', async () => {
    const other = await openStore(join(mkdtempSync(join(tmpdir(), 'osschat-import-')), 'osschat.db'));
    try {
      for (const name of ['telegram-chat.json', 'stdio.jsonl', 'whatsapp-android.txt']) {
        const here = await runImport(store, fixture(name), { batchSize: 2 });
        const there = await runImport(other, fixture(name), { batchSize: 2, worker: true });
        expect(there).toEqual(here);
        expect(await runImport(other, fixture(name), { worker: true })).toMatchObject({ added: 0, duplicates: here.added });
      }
      const rows = async (s: Store) => {
        const all: unknown[] = [];
        for (const room of await s.rooms.list()) {
          for await (const m of s.messages.streamRoom(room.id)) all.push([room.externalId, m.platformMsgId, m.text, m.ts, m.conversationId, m.threadParent, m.recalledAt !== null]);
        }
        return all;
      };
      const stored = await rows(store);
      expect(stored.length).toBeGreaterThan(10);
      expect(await rows(other)).toEqual(stored);
    } finally {
      await other.close();
    }
  });

  it('keeps what a worker read before the input broke off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-import-'));
    const truncated = join(dir, 'result.json');
    writeFileSync(truncated, readFileSync(fixture('telegram-chat.json'), 'utf8').slice(0, -40));
    const here = await runImport(store, truncated, { format: 'telegram' });
    const other = await openStore(join(dir, 'other.db'));
    try {
      const there = await runImport(other, truncated, { format: 'telegram', worker: true });
      expect(there).toEqual(here);
      expect(there.stoppedBy).toMatch(/end of JSON/);
      expect(there.added).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});
