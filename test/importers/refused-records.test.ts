import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/importers/run-import.js';
import type { MessageInput, Repositories, Store } from '../../src/store/store.js';
import { storeFactories } from '../helpers/databases.js';

const ROOM = 'OSSChat 开发者群';
const MESSAGES = 12;
const NUL_AT = 7;
const dir = mkdtempSync(join(tmpdir(), 'osschat-refused-'));

/** Our own JSON Lines export of 12 messages; the 7th holds a NUL (U+0000) between two words. */
function exportWithNul(): string {
  const path = join(dir, `nul-${Math.random().toString(36).slice(2)}.jsonl`);
  const lines = Array.from({ length: MESSAGES }, (_, i) => {
    const text = i + 1 === NUL_AT ? 'before\u0000after' : `message ${i + 1}`;
    return JSON.stringify({ type: 'message', id: `m${i + 1}`, room: { id: 'r1', topic: ROOM }, from: { id: 'u1', name: '张三' }, text, ts: `2026-11-24T10:00:${String(i).padStart(2, '0')}+08:00` });
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The store, whose message inserts fail with `refusal(input)` where it gives an error (a fault injected at the seam). */
function failingInserts(store: Store, refusal: (input: MessageInput) => Error | undefined): Store {
  const messagesOf = (tx: Repositories) => ({
    ...bound(tx.messages),
    insertMany: async (inputs: MessageInput[]) => {
      for (const input of inputs) {
        const error = refusal(input);
        if (error) throw error;
      }
      return tx.messages.insertMany(inputs);
    },
  });
  const transaction: Store['transaction'] = (work) => store.transaction((tx) => work({ ...bound(tx), messages: messagesOf(tx) }));
  return { ...bound(store), transaction };
}

function bound<T extends object>(target: T): T {
  const copy: Record<string | symbol, unknown> = {};
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const key of Reflect.ownKeys(o)) {
      if (key === 'constructor' || key in copy) continue;
      const value = (target as Record<string | symbol, unknown>)[key];
      copy[key] = typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    }
  }
  return copy as T;
}

function databaseError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

async function storedTexts(store: Store): Promise<Map<string, string>> {
  const room = await store.rooms.findByName(ROOM);
  const texts = new Map<string, string>();
  if (room) for await (const message of store.messages.streamRoom(room.id)) texts.set(message.platformMsgId, message.text);
  return texts;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(await storeFactories('import of records the database refuses'))('import into %s', (_, open) => {
  it('a NUL (U+0000) in one message neither crashes the import nor loses its batch', async () => {
    const { store, cleanup } = await open();
    try {
      const report = await runImport(store, exportWithNul(), { batchSize: 5 });
      const texts = await storedTexts(store);
      expect(report.writeFailed).toBeUndefined();
      expect(report.added + report.bad).toBe(MESSAGES);
      expect(texts.size).toBe(report.added);
      for (let i = 1; i <= MESSAGES; i++) if (i !== NUL_AT) expect(texts.get(`m${i}`)).toBe(`message ${i}`);
      // Stored the same on both databases (U+FFFD in place of the NUL), or counted bad where it is.
      if (texts.has(`m${NUL_AT}`)) expect(texts.get(`m${NUL_AT}`)).toBe('before\uFFFDafter');
      else expect(report.badRecords[0]!.at).toBe(`record ${NUL_AT} (${ROOM}, message m${NUL_AT})`);
    } finally {
      await cleanup();
    }
  });

  it('a record the database refuses is counted bad with its position, and the rest of its batch is saved', async () => {
    const { store, cleanup } = await open();
    try {
      // What PostgreSQL answered a NUL before the store learnt to keep it.
      const refuseNul = (input: MessageInput) => (input.text.includes('\u0000') ? databaseError('invalid byte sequence for encoding "UTF8": 0x00', '22021') : undefined);
      const path = exportWithNul();
      const report = await runImport(failingInserts(store, refuseNul), path, { batchSize: 5 });
      expect(report).toMatchObject({ added: MESSAGES - 1, bad: 1, badRecords: [{ at: `record ${NUL_AT} (${ROOM}, message m${NUL_AT})`, reason: 'the database refused it: invalid byte sequence for encoding "UTF8": 0x00' }] });
      expect([...(await storedTexts(store)).keys()].sort()).toEqual(Array.from({ length: MESSAGES }, (_, i) => `m${i + 1}`).filter((id) => id !== `m${NUL_AT}`).sort());
      expect(await runImport(failingInserts(store, refuseNul), path, { batchSize: 5 })).toMatchObject({ added: 0, duplicates: MESSAGES - 1, bad: 1 });
    } finally {
      await cleanup();
    }
  });

  it('a database failure in the middle stops the import with a report of exactly what is saved', async () => {
    const { store, cleanup } = await open();
    try {
      // The disk fills up as the third batch (m11, m12) is written.
      const diskFull = (input: MessageInput) => (input.platformMsgId === 'm11' ? databaseError('database or disk is full', 'SQLITE_FULL') : undefined);
      const report = await runImport(failingInserts(store, diskFull), exportWithNul(), { batchSize: 5 });
      expect(report.writeFailed).toBe('database or disk is full');
      expect(report.added).toBe(10);
      expect((await storedTexts(store)).size).toBe(report.added);
    } finally {
      await cleanup();
    }
  });
});
