import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { spawnCli, waitForOutput } from '../helpers/cli.js';

const topic = 'OSSChat 开发者群';
const message = (id: string, text: string) => JSON.stringify({ type: 'message', id, room: { id: 'r1', topic }, from: { id: 'u1', name: '张三' }, text, ts: '2026-11-24T10:00:00+08:00' });
const MB = 1024 * 1024;

/** Peak resident memory of a live process, from Linux's /proc. */
const peakRssMb = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)![1]) / 1024;

async function write(stream: NodeJS.WritableStream, data: string): Promise<void> {
  if (!stream.write(data)) await new Promise((resolve) => stream.once('drain', resolve));
}

describe('osschat start --chat stdio with an over-long line (built CLI)', () => {
  it('skips a 100 MB line with one error naming its line number, stores the messages around it, and stays small', async () => {
    const url = join(mkdtempSync(join(tmpdir(), 'osschat-e2e-')), 'osschat.db');
    const { child, done } = spawnCli(['start', '--chat', 'stdio'], { DATABASE_URL: url });
    await waitForOutput(child, /web server listening/);
    await write(child.stdin, `${message('m1', '第一条')}\n`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = peakRssMb(child.pid!);
    await write(child.stdin, `{"type":"message","id":"huge","room":{"id":"r1"},"from":{"id":"u2"},"text":"`);
    const block = 'x'.repeat(MB);
    for (let sent = 0; sent < 100; sent += 1) await write(child.stdin, block);
    await write(child.stdin, `"}\n${message('m3', '第三条')}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const grown = peakRssMb(child.pid!) - before;
    child.stdin.end();
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr.match(/stdin line \d+[^\n]*/g)).toEqual(['stdin line 2: longer than 1048576 bytes (chat.stdio.maxLineBytes), skipped']);
    expect(grown).toBeLessThan(50);
    const store = await openStore(url);
    const room = (await store.rooms.findByName(topic))!;
    const texts: string[] = [];
    for await (const stored of store.messages.streamRoom(room.id)) texts.push(stored.text);
    await store.close();
    expect(texts).toEqual(['第一条', '第三条']);
  });
});
