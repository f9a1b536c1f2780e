import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../src/core/analytics/analytics-report.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/cli.js';

const ROOM = { id: 'old-room', topic: '老群' };
const PEOPLE = ['升级到 2.0 以后 webhook 收不到事件', 'webhook 的密钥配置对了吗', '数据库连接池满了也会这样', '数据库换成 PostgreSQL 以后就好了'];
/** Commands people typed to an earlier bot, and a near miss: history, not topics. */
const COMMANDS = ['以上两条开工单', '以上三条开工单', '以上条开工单', '帮助'];

describe('osschat import stores the commands of an export as commands (built CLI)', () => {
  it('analytics leave them out and no job runs them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-import-commands-'));
    const env = { DATABASE_URL: join(dir, 'osschat.db'), LOG_LEVEL: 'warn' };
    let minute = 0;
    const line = (text: string) =>
      JSON.stringify({ type: 'message', id: `m${minute}`, room: ROOM, from: { id: `u${minute % 2}`, name: `成员${minute % 2}` }, text, ts: new Date(Date.UTC(2025, 0, 1, 2, minute++)).toISOString() });
    const file = join(dir, 'export.jsonl');
    writeFileSync(file, `${PEOPLE.flatMap((text, i) => [line(text), line(COMMANDS[i]!)]).join('\n')}\n`);
    const imported = await runCli(['import', file], env);
    expect(imported.code).toBe(0);

    const result = await runCli(['analyze', '--room', ROOM.topic, '--json'], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AnalyticsReport;
    expect(report.totals.messages).toBe(PEOPLE.length);
    const terms = report.keywords.map((keyword) => keyword.term);
    for (const word of ['以上', '开工单', '帮助']) expect(terms).not.toContain(word);

    const store = await openStore(env.DATABASE_URL);
    try {
      const room = (await store.rooms.findByName(ROOM.topic))!;
      const stored = await store.messages.recent(room.id, 20);
      expect(stored.filter((message) => message.command).map((message) => message.text)).toEqual(COMMANDS);
      expect(await store.outbox.list('pending')).toHaveLength(0);
    } finally {
      await store.close();
    }
  });
});
