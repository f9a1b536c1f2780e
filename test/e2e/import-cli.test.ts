import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/core/types.js';
import { writeTelegramExport } from '../../bench/analytics/generate-export.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { repeated, writeZip, type ZipEntrySpec } from '../importers/zip-writer.js';

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

  it('stops a zip bomb (500 MB users.json in a 0.5 MB zip) at once, naming the file and the limit, in bounded memory', async () => {
    const dir = tempDir();
    const bomb = join(dir, 'bomb.zip');
    await writeZip(bomb, slackExport(() => usersBomb(500_000_000)));
    const { result, peakRss } = await importMeasured(bomb, join(dir, 'osschat.db'));
    expect(result.stderr).toContain('中的 users.json 解压后有 477 MiB，超过单个文件的上限 256 MiB，导入已停止。如果这确实是 Slack 导出，请加上 --max-entry-mib 477 再导入。');
    expect(result.stdout).toContain('新增 0 条消息');
    expect(result.code).toBe(1);
    // Buffering users.json took 3.3 GB; the CLI itself needs about 100 MB.
    expect(peakRss).toBeLessThan(250 * MiB);
  });

  it('stops a zip whose entry unpacks past its declared size as soon as it does, in bounded memory', async () => {
    const dir = tempDir();
    const liar = join(dir, 'liar.zip');
    await writeZip(liar, slackExport(() => usersBomb(500_000_000), 1000));
    const { result, peakRss } = await importMeasured(liar, join(dir, 'osschat.db'));
    expect(result.stderr).toContain('中的 users.json 解压后超过了 zip 头声明的 1000 字节：这个 zip 已损坏，或是为耗尽内存而构造的，导入已停止。');
    expect(result.code).toBe(1);
    expect(peakRss).toBeLessThan(250 * MiB);
  });

  it('caps the number of files and the total unpacked size, both raised from the command line', async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: join(dir, 'osschat.db') };
    const many = await runCli(['import', fixture('slack.zip'), '--max-entries', '3'], env);
    expect(many.stderr).toContain('slack.zip 里有 5 个文件，超过上限 3 个，导入已停止。如果这确实是 Slack 导出，请加上 --max-entries 5 再导入。');
    const large = join(dir, 'large.zip');
    await writeZip(large, slackExport(() => repeated(' ', 3 * MiB)));
    const total = await runCli(['import', large, '--max-unzipped-mib', '2', '--max-entry-mib', '3'], env);
    expect(total.stderr).toContain('large.zip 解压后共 4 MiB，超过上限 2 MiB，导入已停止。如果这确实是 Slack 导出，请加上 --max-unzipped-mib 4 再导入。');
    const wrong = await runCli(['import', large, '--max-entry-mib', 'lots'], env);
    expect(wrong).toMatchObject({ code: 2, stderr: '--max-entry-mib lots：需要一个正整数，例如 --max-entry-mib 256。\n' });
    const raised = await runCli(['import', fixture('slack.zip'), '--max-entries', '5', '--max-unzipped-mib', '1'], env);
    expect(raised.stdout).toBe('导入完成（slack）：新增 5 条消息，跳过重复 0 条，无法读取的记录 1 条。\n');
  });

  it('on Ctrl-C saves everything it read, says exactly how much, and a second run completes it without duplicates', async () => {
    const dir = tempDir();
    const file = join(dir, 'result.json');
    const total = 100_000;
    await writeTelegramExport(file, { messages: total, chatName: 'Bench 群' });
    const env = { DATABASE_URL: join(dir, 'osschat.db') };
    const { child, done } = spawnCli(['import', file, '--room', 'Bench 群'], env);
    // Mid-way: as soon as the first batch is committed, long before the last.
    await firstRowsCommitted(env.DATABASE_URL);
    child.kill('SIGINT');
    const interrupted = await done;
    expect(interrupted.code).toBe(130);
    const saved = Number(interrupted.stdout.match(/^导入已中断（telegram）：已读到的消息都已保存，新增 (\d+) 条，/)?.[1]);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(total);
    expect(await storedMessages(env.DATABASE_URL)).toEqual({ rows: saved, distinct: saved });
    const again = await runCli(['import', file, '--room', 'Bench 群'], env);
    expect(again.stdout).toContain(`新增 ${total - saved} 条消息，跳过重复 ${saved} 条`);
    expect(await storedMessages(env.DATABASE_URL)).toEqual({ rows: total, distinct: total });
  }, 180_000);

  // Each export: a message, then one 200 MB line (a message without a line break), then a message.
  it.each(LONG_LINE_EXPORTS)('passes over a 200 MB line in a $format export as one bad record naming the line, imports the rest, in bounded memory', async ({ format, file, before, longLineStart, after, at }) => {
    const dir = tempDir();
    const path = join(dir, file);
    await pipeline(Readable.from(withLongLine(before, longLineStart, 200_000_000, after)), createWriteStream(path));
    const { result, peakRss } = await importMeasured(path, join(dir, 'osschat.db'));
    rmSync(path);
    expect(result.stdout).toBe(`导入完成（${format}）：新增 2 条消息，跳过重复 0 条，无法读取的记录 1 条。\n`);
    expect(result.stderr).toContain(`无法读取的记录 ${at}：一行（或一条 CSV 记录）有 191 MiB，超过每行 16 MiB 的上限，已跳过，其余照常导入。如果它确实是一条消息，请加上 --max-line-mib 191 再导入。`);
    expect(result.code).toBe(1);
    // Reading the line whole took over 600 MB; the CLI itself needs about 100 MB.
    expect(peakRss).toBeLessThan(250 * MiB);
  }, 120_000);

  it('takes the line limit from --max-line-mib, and says what is wrong with a bad value', async () => {
    const dir = tempDir();
    const path = join(dir, 'chat.jsonl');
    writeFileSync(path, [jsonlMessage('m1', 'before'), jsonlMessage('m2', 'x'.repeat(2 * MiB)), ''].join('\n'));
    const env = { DATABASE_URL: join(dir, 'osschat.db') };
    const limited = await runCli(['import', path, '--max-line-mib', '1'], env);
    expect(limited.stderr).toContain('无法读取的记录 line 2：一行（或一条 CSV 记录）有 3 MiB，超过每行 1 MiB 的上限');
    expect(limited.stdout).toContain('新增 1 条消息');
    expect(await runCli(['import', path], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('新增 1 条消息，跳过重复 1 条') });
    expect(await runCli(['import', path, '--max-line-mib', '0'], env)).toMatchObject({ code: 2, stderr: '--max-line-mib 0：需要一个正整数，例如 --max-line-mib 16。\n' });
  });
});

const jsonlMessage = (id: string, text: string) =>
  JSON.stringify({ type: 'message', id, room: { id: 'r1', topic: 'Long 群' }, from: { id: 'u1', name: '张三' }, text, ts: '2024-01-02T10:00:00+08:00' });
const CSV_HEADER = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n';
const csvRow = (id: number, text: string) => `${id},12,1,0,0,${1704160800 + id},2,${text},2024-01-02 10:00:00,,张三,wxid_zhangsan\n`;

const LONG_LINE_EXPORTS = [
  { format: 'jsonl', file: 'chat.jsonl', before: `${jsonlMessage('m1', 'before')}\n`, longLineStart: '{"type":"message","id":"m2","room":{"id":"r1"},"from":{"id":"u2"},"ts":"2024-01-02T10:01:00Z","text":"', after: `"}\n${jsonlMessage('m3', 'after')}\n`, at: 'line 2' },
  { format: 'whatsapp', file: 'chat.txt', before: '1/2/24, 10:00 - 张三: before\n', longLineStart: '1/2/24, 10:01 - Alice: ', after: '\n1/2/24, 10:02 - 张三: after\n', at: 'line 2' },
  { format: 'wechat-text', file: 'chat.txt', before: '2024-01-02 10:00:00 张三\nbefore\n\n2024-01-02 10:01:00 Alice\n', longLineStart: '', after: '\n\n2024-01-02 10:02:00 张三\nafter\n', at: 'line 5 (in the message of line 4)' },
  { format: 'wechat-csv', file: 'chat_utf8.csv', before: CSV_HEADER + csvRow(1, 'before'), longLineStart: '2,12,1,0,0,1704160860,2,"', after: `",2024-01-02 10:01:00,,Alice,wxid_alice\n${csvRow(3, '"after\nand more"')}`, at: 'line 3' },
];

function* withLongLine(before: string, longLineStart: string, bytes: number, after: string): Generator<Buffer> {
  yield Buffer.from(before + longLineStart);
  yield* repeated('x', bytes);
  yield Buffer.from(after);
}

const MiB = 1024 * 1024;

/** A Slack export whose users.json is `users`, optionally declaring a false size for it. */
function slackExport(users: () => Iterable<Buffer>, declaredSize?: number): ZipEntrySpec[] {
  const day = JSON.stringify([{ type: 'message', user: 'U0001', text: 'hello', ts: '1704160800.000100' }]);
  return [
    { name: 'channels.json', content: () => [Buffer.from('[{"id":"C1","name":"general"}]')] },
    { name: 'users.json', content: users, ...(declaredSize === undefined ? {} : { declaredSize }) },
    { name: 'general/2024-01-02.json', content: () => [Buffer.from(day)] },
  ];
}

/** A valid users.json of `bytes` bytes: the same member over and over, which deflate shrinks a thousandfold. */
function* usersBomb(bytes: number): Generator<Buffer> {
  yield Buffer.from('[');
  yield* repeated('{"id":"U0001","name":"bomb"},', bytes);
  yield Buffer.from('{"id":"U0002"}]');
}

/** Runs the import, sampling the child's peak resident memory (VmHWM) until it exits. */
async function importMeasured(path: string, database: string) {
  const { child, done } = spawnCli(['import', path], { DATABASE_URL: database });
  let peakRss = 0;
  const sample = () => {
    const match = /VmHWM:\s+(\d+) kB/.exec(readProcStatus(child.pid!));
    if (match) peakRss = Math.max(peakRss, Number(match[1]) * 1024);
  };
  const timer = setInterval(sample, 20);
  const result = await done.finally(() => clearInterval(timer));
  return { result, peakRss };
}

function readProcStatus(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

/** Polls the import's SQLite file (WAL: readers see committed rows) until a message is in it. */
async function firstRowsCommitted(path: string): Promise<void> {
  for (;;) {
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true });
      try {
        if ((db.prepare('select count(*) as n from messages').get() as { n: number }).n > 0) return;
      } finally {
        db.close();
      }
    } catch {
      // Not created or not migrated yet.
    }
    await sleep(20);
  }
}

async function storedMessages(url: string): Promise<{ rows: number; distinct: number }> {
  const store = await openStore(url);
  try {
    const room = await store.rooms.findByName('Bench 群');
    const ids = new Set<string>();
    let rows = 0;
    for await (const message of store.messages.streamRoom(room!.id)) {
      rows++;
      ids.add(message.platformMsgId);
    }
    return { rows, distinct: ids.size };
  } finally {
    await store.close();
  }
}
