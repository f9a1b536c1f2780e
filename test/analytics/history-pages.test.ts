import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/importers/run-import.js';
import { openStore } from '../../src/store/open-store.js';
import type { HistoryMessage, Store } from '../../src/store/store.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url));

async function pages(store: Store, pageSize: number): Promise<{ lean: HistoryMessage[]; full: HistoryMessage[] }> {
  const [room] = (await store.rooms.list()).filter((r) => r.kind === 'group');
  const lean: HistoryMessage[] = [];
  for await (const page of store.messages.historyPages(room!.id, pageSize)) lean.push(...page);
  const full: HistoryMessage[] = [];
  for await (const m of store.messages.streamRoom(room!.id)) {
    full.push({ platformMsgId: m.platformMsgId, senderId: m.senderId, kind: m.kind, text: m.text, ts: m.ts.getTime(), replyTo: m.replyTo, isSelf: m.isSelf, recalled: m.recalledAt !== null, conversationId: m.conversationId, command: m.command ?? null });
  }
  return { lean, full };
}

describe('messages.historyPages, the analytics read of a whole room', () => {
  it('gives every message of the room in time order, on an SQLite file (own read connection) and in memory', async () => {
    for (const url of [join(mkdtempSync(join(tmpdir(), 'osschat-history-')), 'osschat.db'), ':memory:']) {
      const store = await openStore(url);
      try {
        await runImport(store, fixture('stdio.jsonl'));
        const { lean, full } = await pages(store, 2);
        expect(lean.length).toBeGreaterThan(2);
        expect(lean).toEqual(full);
        expect(lean.some((m) => m.recalled)).toBe(true);
        expect(lean.some((m) => m.isSelf)).toBe(true);
      } finally {
        await store.close();
      }
    }
  });
});
