import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const line = (id: string, from: string, name: string, text: string, minute: number) =>
  JSON.stringify({ type: 'message', id, room: { id: 'r1', topic: 'OSSChat 开发者群' }, from: { id: from, name }, text, ts: `2026-11-24T10:${String(minute).padStart(2, '0')}:00+08:00` });

describe('osschat publish (built CLI)', () => {
  it('imports a log, publishes a room public by configuration, redacted, and incrementally', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-archive-cli-'));
    const env = { DATABASE_URL: join(dir, 'osschat.db') };
    const log = join(dir, 'room.jsonl');
    writeFileSync(log, [line('m1', 'u1', '张三', '请问怎么安装？电话 13812345678', 0), line('m2', 'u2', '李四', '@张三 npm ci 就行', 1)].join('\n'));
    expect((await runCli(['import', log, '--format', 'jsonl'], env)).code).toBe(0);
    const config = join(dir, 'osschat.yaml');
    writeFileSync(config, 'archive:\n  rooms: ["OSSChat 开发者群"]\n  baseUrl: https://example.github.io/chat\n');
    const out = join(dir, 'site');
    const first = await runCli(['publish', '--out', out, '--config', config], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/published 1 room\(s\), 1 conversations: \d+ files written, 0 unchanged, 0 removed/);
    const room = readFileSync(join(out, 'sitemap.xml'), 'utf8').match(/chat\/(\d+)\/sitemap\.xml/)![1]!;
    const page = readFileSync(join(out, room, 'index.html'), 'utf8');
    expect(page).toContain('请问怎么安装？');
    expect(existsSync(join(out, room, 'feed.atom'))).toBe(true);
    const all = readFileSync(join(out, room, 'search-index.json'), 'utf8') + page;
    expect(all).not.toContain('13812345678');
    const again = await runCli(['publish', '--out', out, '--config', config], env);
    expect(again.stdout).toMatch(/0 files written, \d+ unchanged, 0 removed/);
    const missing = await runCli(['publish', '--out', out, '--room', 'nope', '--config', config], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no public room named "nope"');
  });
});
