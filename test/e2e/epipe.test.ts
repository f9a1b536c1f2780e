import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { BIN, type Finished } from '../helpers/cli.js';

const TOPIC = 'OSSChat 开发者群';
const COUNT = 3000;
const dir = mkdtempSync(join(tmpdir(), 'osschat-epipe-'));
const database = join(dir, 'osschat.db');
const chat = join(dir, 'chat.jsonl');

/** `osschat ARGS | READER` in bash; the CLI's own exit status is printed last on stderr. */
function pipeline(args: string, reader: string): Promise<Finished> {
  const script = `"${process.execPath}" "${BIN}" ${args} | ${reader}; echo "osschat exited \${PIPESTATUS[0]}" >&2`;
  const child = spawn('bash', ['-c', script], { env: { PATH: process.env.PATH ?? '', HOME: dir, OSSCHAT_CONFIG: '', DATABASE_URL: database, LOG_LEVEL: 'warn' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe('output piped into a reader that stops early ends quietly (built CLI)', () => {
  beforeAll(async () => {
    const store = await openStore(database);
    const room = await store.rooms.upsert({ platform: 'stdio', externalId: 'r1', kind: 'group', topic: TOPIC });
    const member = await store.members.upsert({ platform: 'stdio', externalId: 'u1', name: '张三' });
    const start = Date.UTC(2026, 10, 24, 2, 0, 0);
    const messages = Array.from({ length: COUNT }, (_, at) => ({ roomId: room.id, senderId: member.id, platformMsgId: `m${at}`, kind: 'text' as const, text: `第 ${at} 条：怎么安装 OSSChat？`, ts: new Date(start + at * 60_000), isSelf: false }));
    await store.messages.insertMany(messages);
    await store.close();
    const lines = messages.map((m) => JSON.stringify({ type: 'message', id: m.platformMsgId, room: { id: 'r1', topic: TOPIC }, from: { id: 'u1', name: '张三' }, text: m.text, ts: m.ts.toISOString() }));
    writeFileSync(chat, `${lines.join('\n')}\n`);
  });

  it.each([
    ['export', `export --room "${TOPIC}"`, 'head -1'],
    ['threads', `threads "${chat}"`, 'head -1'],
    ['threads --json', `threads --json "${chat}"`, 'head -1'],
    ['analyze', 'analyze', 'true'],
    ['analyze --json', 'analyze --json', 'true'],
  ])('osschat %s: exit 0 and nothing on stderr', async (_name, args, reader) => {
    const result = await pipeline(args, reader);
    expect(result.stderr).toBe('osschat exited 0\n');
    if (reader === 'head -1') expect(result.stdout.split('\n')).toHaveLength(2);
  });
});
