import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/core/types.js';
import { writeTelegramExport } from '../../bench/analytics/generate-export.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url));
const tempDir = () => mkdtempSync(join(tmpdir(), 'osschat-import-e2e-'));

describe('osschat import (built CLI)', () => {
  it('detects the format, reports bad records with their position and a summary, and re-imports nothing', async () => {
    const env = { DATABASE_URL: join(tempDir(), 'osschat.db') };
    const first = await runCli(['import', fixture('slack.zip')], env);
    expect(first.stdout).toBe('导入完成（slack）：新增 5 条消息，跳过重复 0 条，无法读取的记录 1 条。\n');
    expect(first.stderr).toContain('无法读取的记录 general/2024-01-03.json[0]：ts:');
    expect(first.code).toBe(1);
    const again = await runCli(['import', fixture('slack'), '--format', 'slack'], env);
    expect(again.stdout).toContain('新增 0 条消息，跳过重复 5 条');
  });

  it('imports a generated Telegram export into the room named by --room, in conversations, enqueuing no job', async () => {
    const dir = tempDir();
    const file = join(dir, 'result.json');
    await writeTelegramExport(file, { messages: 3000, chatName: 'Bench 群' });
    const env = { DATABASE_URL: join(dir, 'osschat.db') };
    const result = await runCli(['import', file, '--room', 'Bench 群'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('新增 3000 条消息');
    const store = await openStore(env.DATABASE_URL);
    try {
      const room = await store.rooms.findByName('Bench 群');
      expect(await store.messages.count(room!.id)).toBe(3000);
      expect(await store.outbox.counts()).toMatchObject({ pending: 0 });
      const placed: StoredMessage[] = [];
      for await (const message of store.messages.streamRoom(room!.id)) if (message.conversationId !== null) placed.push(message);
      expect(placed.length).toBeGreaterThan(2900);
      const conversations = new Set(placed.map((message) => message.conversationId));
      expect(conversations.size).toBeGreaterThan(10);
      expect(conversations.size).toBeLessThan(placed.length);
    } finally {
      await store.close();
    }
  });

  it('says which formats exist when it cannot tell the format', async () => {
    const result = await runCli(['import', fixture('slack/users.json')], { DATABASE_URL: join(tempDir(), 'osschat.db') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('jsonl, telegram, discord, slack, whatsapp, wechat-csv, wechat-text');
  });
});
