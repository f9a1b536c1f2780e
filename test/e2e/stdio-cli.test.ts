import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli, spawnCli, waitForOutput } from '../helpers/cli.js';

const topic = 'OSSChat 开发者群';
const line = (fields: Record<string, unknown>) => JSON.stringify(fields);
const message = (id: string, text: string, extra: Record<string, unknown> = {}) =>
  line({ type: 'message', id, room: { id: 'r1', topic }, from: { id: 'u1', name: '张三' }, text, ts: `2026-11-24T10:00:0${id.slice(1)}+08:00`, ...extra });

function tempDatabase(): string {
  return join(mkdtempSync(join(tmpdir(), 'osschat-e2e-')), 'osschat.db');
}

async function storedTexts(url: string): Promise<string[]> {
  const store = await openStore(url);
  try {
    const room = await store.rooms.findByName(topic);
    const texts: string[] = [];
    if (room) for await (const m of store.messages.streamRoom(room.id)) texts.push(m.text);
    return texts;
  } finally {
    await store.close();
  }
}

describe('osschat start --chat stdio (built CLI)', () => {
  it('stores every line, explains a malformed one on stderr, and exits 0 at end of input', async () => {
    const url = tempDatabase();
    const input = [message('m1', '大家好'), '{"type":"message", broken', message('m2', '[图片]', { kind: 'image' }), message('m1', '大家好'), line({ type: 'recall', id: 'm2', room: { id: 'r1' } }), ''].join('\n');
    const result = await runCli(['start', '--chat', 'stdio'], { DATABASE_URL: url }, input);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('stdin line 2: not valid JSON');
    expect(result.stderr.match(/stdin line/g)).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(await storedTexts(url)).toEqual(['大家好', '[图片]']);
  });

  it('records what the bot said in answer to the last lines before it exits at end of input', async () => {
    const url = tempDatabase();
    const result = await runCli(['start', '--chat', 'stdio'], { DATABASE_URL: url }, `${message('m1', '大家好')}\n${message('m2', '/archive')}\n`);
    expect(result.code).toBe(0);
    const said = result.stdout.trim().split('\n').map((out) => (JSON.parse(out) as { text: string }).text);
    expect(said).toHaveLength(1);
    // The reply job runs during shutdown; its echo used to be lost when the store closed first.
    expect(await storedTexts(url)).toEqual(['大家好', '/archive', ...said]);
  });

  it('serves /healthz while running and shuts down gracefully on SIGTERM, keeping what it read', async () => {
    const url = tempDatabase();
    const { child, done } = spawnCli(['start', '--chat', 'stdio'], { DATABASE_URL: url });
    const [, webUrl] = await waitForOutput(child, /"url":"(http:\/\/[^"]+)"/);
    const health = await fetch(`${webUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok', chat: 'ready' });
    child.stdin.write(`${message('m1', 'one')}\n${message('m2', 'two')}\n`);
    await waitUntil(async () => (await storedTexts(url)).length === 2);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"reason":"SIGTERM"');
    expect(await storedTexts(url)).toEqual(['one', 'two']);
  });

  it('exports a room as stdio JSON Lines that rebuild the same log, with nothing else on stdout', async () => {
    const url = tempDatabase();
    const input = [message('m1', '第一条'), message('m2', '第二条', { replyTo: 'm1' }), line({ type: 'edit', id: 'm1', room: { id: 'r1' }, text: '第一条（改）', ts: '2026-11-24T10:05:00+08:00' }), ''].join('\n');
    await runCli(['start', '--chat', 'stdio'], { DATABASE_URL: url }, input);
    const exported = await runCli(['export', '--room', topic, '--format', 'jsonl'], { DATABASE_URL: url });
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trimEnd().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(lines.map((entry) => [entry.type, entry.id, entry.text])).toEqual([
      ['message', 'm1', '第一条'],
      ['edit', 'm1', '第一条（改）'],
      ['message', 'm2', '第二条'],
    ]);
    const copy = tempDatabase();
    await runCli(['start', '--chat', 'stdio'], { DATABASE_URL: copy }, exported.stdout);
    const again = await runCli(['export', '--room', topic], { DATABASE_URL: copy });
    expect(again.stdout).toBe(exported.stdout);
  });

  it('says which room it could not find, and stops on a config error with one line', async () => {
    const missing = await runCli(['export', '--room', 'nope'], { DATABASE_URL: tempDatabase() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no room named "nope"');
    const bad = await runCli(['start', '--chat', 'stdio'], { PORT: 'abc' });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('config error: web.port: expected number, received string (got "abc") — fix the PORT environment variable');
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
