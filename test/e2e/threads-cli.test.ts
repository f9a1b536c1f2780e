import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/cli.js';

const fixture = fileURLToPath(new URL('../fixtures/threads/zh-two-conversations.jsonl', import.meta.url));

describe('osschat threads (built CLI)', () => {
  it('prints one {"id","conversation","replyTo"} line per message of each file, and explains a bad line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-threads-'));
    const other = join(dir, 'other.jsonl');
    const line = (id: string, from: string, text: string) =>
      JSON.stringify({ type: 'message', id, room: { id: 'r2' }, from: { id: from, name: from }, text, ts: '2026-11-24T10:00:00Z' });
    writeFileSync(other, [line('a', 'alice', 'how do I mount ntfs?'), '{not json', line('b', 'bob', 'alice: use ntfs-3g')].join('\n'));
    const result = await runCli(['threads', fixture, other, '--json'], {});
    expect(result.code).toBe(0);
    const records = result.stdout.trim().split('\n').map((text) => JSON.parse(text) as { id: string; conversation: string; replyTo: string | null });
    expect(records).toHaveLength(15);
    expect(Object.keys(records[0]!).sort()).toEqual(['conversation', 'id', 'replyTo']);
    expect(records[0]).toEqual({ id: 'm1', conversation: 'm1', replyTo: null });
    expect(records.find((r) => r.id === 'm5')).toMatchObject({ conversation: 'm3', replyTo: 'm3' });
    expect(records.slice(-2)).toEqual([{ id: 'a', conversation: 'a', replyTo: null }, { id: 'b', conversation: 'a', replyTo: 'a' }]);
    expect(result.stderr).toMatch(/other\.jsonl:2: not valid JSON/);
  });

  it('prints a meaningful confidence and count for an empty file, one message, and words shared with the first message (never Infinity%)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-threads-'));
    const line = (id: string, from: string, text: string, minute: number) =>
      JSON.stringify({ type: 'message', id, room: { id: 'r3' }, from: { id: from, name: from }, text, ts: `2026-11-24T10:0${minute}:00Z` });
    const empty = join(dir, 'empty.jsonl');
    const one = join(dir, 'one.jsonl');
    const shared = join(dir, 'shared.jsonl');
    writeFileSync(empty, '');
    writeFileSync(one, `${line('a', 'alice', 'hello', 0)}\n`);
    // The first message's words weigh nothing when it is placed: the engine's softmax sum was 0, the answer "Infinity%".
    writeFileSync(shared, [line('q', 'alice', 'how do I mount ntfs?', 0), line('r', 'bob', 'ntfs needs ntfs-3g', 1)].join('\n'));
    const result = await runCli(['threads', empty, one, shared], {});
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${empty}: no messages`);
    expect(lines[1]).toMatch(/^a\tstarts\tconversation a\t\d{1,3}% \S/);
    expect(lines[2]).toBe(`${one}: 1 message in 1 conversation`);
    expect(lines[4]).toMatch(/^r\t→ q\tconversation q\t\d{1,2}% sharedWords/);
    expect(lines[5]).toBe(`${shared}: 2 messages in 1 conversation`);
    expect(result.stdout).not.toMatch(/Infinity|NaN/);
  });

  it('places messages live as the bot records them, and a stored room again with --room --rebuild', async () => {
    const database = join(mkdtempSync(join(tmpdir(), 'osschat-threads-')), 'osschat.db');
    const env = { DATABASE_URL: database };
    const { readFileSync } = await import('node:fs');
    const fed = await runCli(['start', '--chat', 'stdio'], env, readFileSync(fixture, 'utf8'));
    expect(fed.code).toBe(0);
    const live = await openStore(database);
    const liveRoom = (await live.rooms.findByName('OSSChat 开发者群'))!;
    expect(await live.messages.findByPlatformId(liveRoom.id, 'm5')).toMatchObject({ conversationId: 'm3', threadParent: 'm3' });
    await live.close();
    const rebuilt = await runCli(['threads', '--room', 'OSSChat 开发者群', '--rebuild'], env);
    expect(rebuilt.stdout).toContain('13 messages placed in 3 conversations');
    const store = await openStore(database);
    try {
      const room = (await store.rooms.findByName('OSSChat 开发者群'))!;
      const m13 = await store.messages.findByPlatformId(room.id, 'm13');
      expect(m13).toMatchObject({ conversationId: 'm11', threadParent: 'm11' });
    } finally {
      await store.close();
    }
    const missing = await runCli(['threads', '--room', 'nowhere', '--rebuild'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no room named "nowhere"');
  });
});
