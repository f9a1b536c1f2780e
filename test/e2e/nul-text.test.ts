import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { freshPostgresStore, postgresAvailable } from '../helpers/databases.js';
import { runCli } from '../helpers/cli.js';

const available = await postgresAvailable('NUL characters over stdio');
const topic = '群\u0000名';
const zhang = { id: 'u\u00001', name: '张三' };
const li = { id: 'u2', name: '李\u0000四' };
const line = (id: string, text: string, from = zhang) =>
  JSON.stringify({ type: 'message', id, room: { id: 'r\u00001', topic }, from, text, ts: `2026-11-24T10:00:0${id.slice(1)}+08:00` });
const INPUT = [line('m1', '之前'), line('m2', 'a\u0000b'), line('m3', '名字', li), line('m4', '/archive'), line('m5', '之后'), ''].join('\n');

/** What the store holds for the room, as plain data to compare across databases. */
async function stored(url: string) {
  const store = await openStore(url);
  try {
    const room = await store.rooms.findByExternalId('stdio', 'r\u00001');
    const rows: { id: string; text: string; sender: string | null | undefined }[] = [];
    if (room) for await (const m of store.messages.streamRoom(room.id)) rows.push({ id: m.platformMsgId, text: m.text, sender: (await store.members.findById(m.senderId))?.name });
    return { topic: room?.topic, rows };
  } finally {
    await store.close();
  }
}

async function run(url: string) {
  const result = await runCli(['start', '--chat', 'stdio'], { DATABASE_URL: url }, INPUT);
  return { result, stored: await stored(url) };
}

describe('a NUL character (U+0000) over stdio', () => {
  it.runIf(available)('loses nothing on PostgreSQL and stores exactly what SQLite stores (U+FFFD)', async () => {
    const postgres = await freshPostgresStore();
    try {
      const pg = await run(postgres.url);
      const lite = await run(join(mkdtempSync(join(tmpdir(), 'osschat-nul-')), 'osschat.db'));
      expect(pg.result.code).toBe(0);
      expect(pg.result.stderr).not.toMatch(/event not handled/);
      const people = pg.stored.rows.filter((row) => !row.id.startsWith('self-'));
      expect(people).toEqual([
        { id: 'm1', text: '之前', sender: '张三' },
        { id: 'm2', text: 'a\uFFFDb', sender: '张三' },
        // Names and topics are cleaned of control characters at ingest; the store sees no NUL in them.
        { id: 'm3', text: '名字', sender: expect.not.stringContaining('\u0000') },
        { id: 'm4', text: '/archive', sender: '张三' },
        { id: 'm5', text: '之后', sender: '张三' },
      ]);
      expect(pg.stored.topic).toMatch(/^群.名$/);
      // The command among them ran.
      expect(pg.result.stdout).toContain('"type":"say"');
      expect(lite.result.code).toBe(0);
      expect(lite.stored.rows.filter((row) => !row.id.startsWith('self-'))).toEqual(people);
      expect(lite.stored.topic).toBe(pg.stored.topic);
    } finally {
      await postgres.cleanup();
    }
  });
});
