import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visit } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** Keys written twice in one object of a JSON line, at any depth: JSON.parse keeps the last one silently. */
function duplicateKeys(line: string): string[] {
  const open: Set<string>[] = [];
  const twice: string[] = [];
  visit(line, {
    onObjectBegin: () => void open.push(new Set()),
    onObjectProperty: (name) => {
      const keys = open.at(-1)!;
      if (keys.has(name)) twice.push(name);
      keys.add(name);
    },
    onObjectEnd: () => void open.pop(),
  });
  return twice;
}

const message = (id: string, text: string) =>
  JSON.stringify({ type: 'message', id, room: { id: 'r1', topic: 'OSSChat 开发者群' }, from: { id: 'u1', name: '张三' }, text, ts: `2026-11-24T10:00:0${id.slice(1)}+08:00` });

describe('log lines of a stdio session (built CLI)', () => {
  it('are JSON objects with each key once, so jq and log shippers read them', async () => {
    const database = join(mkdtempSync(join(tmpdir(), 'osschat-log-')), 'osschat.db');
    // A chat message, a command (logged with the message it answers), an issue without GitHub credentials, a broken line.
    const input = [message('m1', '大家好'), message('m2', '/archive'), message('m3', '以上1条开工单'), '{"type":"message", broken', ''].join('\n');
    const result = await runCli(['start', '--chat', 'stdio'], { DATABASE_URL: database, LOG_LEVEL: 'debug' }, input);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(() => JSON.parse(line), line).not.toThrow();
      expect(duplicateKeys(line), line).toEqual([]);
    }
    const command = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'command');
    expect(command).toMatchObject({ room: 'r1', messageId: 'm2', command: 'archive' });
  });
});
