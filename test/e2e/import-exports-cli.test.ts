import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeZip } from '../importers/zip-writer.js';

// Imports found wrong on real exports (issue 16 §4), through the built CLI.
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url));
const tempDir = () => mkdtempSync(join(tmpdir(), 'osschat-import-exports-'));
const freshDatabase = () => ({ DATABASE_URL: join(tempDir(), 'osschat.db') });
const FORMATS = 'jsonl, telegram, discord, slack, whatsapp, wechat-csv, wechat-text';
const summary = (format: string, added: number, duplicates = 0, bad = 0) => `导入完成（${format}）：新增 ${added} 条消息，跳过重复 ${duplicates} 条，无法读取的记录 ${bad} 条。\n`;

/** Each room's messages by topic, and who sent them, read straight from the SQLite file. */
function stored(url: string): { rooms: Record<string, number>; senders: Record<string, string[]> } {
  const db = new Database(url, { readonly: true });
  try {
    const rows = db.prepare('select r.topic as topic, m.name as sender, count(*) as n from messages join rooms r on r.id = messages.room_id join members m on m.id = messages.sender_id group by r.topic, m.name order by r.topic, min(messages.ts)').all() as { topic: string; sender: string; n: number }[];
    const rooms: Record<string, number> = {};
    const senders: Record<string, string[]> = {};
    for (const row of rows) {
      rooms[row.topic] = (rooms[row.topic] ?? 0) + row.n;
      (senders[row.topic] ??= []).push(row.sender);
    }
    return { rooms, senders };
  } finally {
    db.close();
  }
}

describe('osschat import --room on exports of one chat and of several (built CLI)', () => {
  it('puts a one-channel Slack export whole into the room --room names, though its channel is named otherwise', async () => {
    const env = freshDatabase();
    const result = await runCli(['import', fixture('slack-one-channel'), '--room', 'OSSChat 开发者群'], env);
    expect(result).toMatchObject({ code: 0, stdout: summary('slack', 3), stderr: '' });
    expect(stored(env.DATABASE_URL).rooms).toEqual({ 'OSSChat 开发者群': 3 });
  });

  it('in a Slack export of several channels, --room picks one and names the others; a name matching none fails in one line listing them', async () => {
    const env = freshDatabase();
    const picked = await runCli(['import', fixture('slack.zip'), '--room', 'random'], env);
    expect(picked).toMatchObject({ code: 0, stdout: `${summary('slack', 1)}按 --room「random」只导入了这一个，跳过了导出里的其他 1 个频道或聊天：general。\n` });
    const none = await runCli(['import', fixture('slack'), '--room', 'OSSChat 开发者群'], env);
    expect(none).toMatchObject({ code: 2, stdout: '', stderr: `${fixture('slack')} 里没有名为「OSSChat 开发者群」的频道或聊天，什么都没有导入。它有：general, random。请用 --room 指定其中一个，或去掉 --room 导入全部。\n` });
    expect(stored(env.DATABASE_URL).rooms).toEqual({ random: 1 });
  });

  it('does the same for a Telegram account export, and reads an account export of one chat whole', async () => {
    const env = freshDatabase();
    const account = fixture('telegram-account.json');
    const picked = await runCli(['import', account, '--room', 'Rust 中文社区'], env);
    expect(picked.stdout).toBe(`${summary('telegram', 2)}按 --room「Rust 中文社区」只导入了这一个，跳过了导出里的其他 1 个频道或聊天：Alice。\n`);
    const none = await runCli(['import', account, '--room', 'nowhere'], env);
    expect(none).toMatchObject({ code: 2, stderr: `${account} 里没有名为「nowhere」的频道或聊天，什么都没有导入。它有：Rust 中文社区, Alice。请用 --room 指定其中一个，或去掉 --room 导入全部。\n` });
    const one = join(tempDir(), 'result.json');
    const parsed = JSON.parse(readFileSync(account, 'utf8')) as { chats: { list: unknown[] } };
    parsed.chats.list = parsed.chats.list.slice(0, 1);
    writeFileSync(one, JSON.stringify(parsed));
    expect(stored(env.DATABASE_URL).rooms).toEqual({ 'Rust 中文社区': 2 });
    const other = freshDatabase();
    expect(await runCli(['import', one, '--room', 'Rust 群'], other)).toMatchObject({ code: 0, stdout: summary('telegram', 2) });
    expect(stored(other.DATABASE_URL).rooms).toEqual({ 'Rust 群': 2 });
  });
});

describe('osschat import on WhatsApp exports (built CLI)', () => {
  it('reads a WhatsApp .zip (_chat.txt and media inside) as WhatsApp, by its content whatever its name', async () => {
    const env = freshDatabase();
    const named = await runCli(['import', fixture('WhatsApp Chat - OSSChat 开发者群.zip')], env);
    expect(named).toMatchObject({ code: 0, stdout: `${summary('whatsapp', 4)}跳过了 6 行 WhatsApp 系统消息（加密提示、建群、加人、退群、改群名、导出时省略的媒体等）：它们不是聊天，也不是成员。\n` });
    const renamed = join(tempDir(), 'export.bin');
    copyFileSync(fixture('WhatsApp Chat - OSSChat 开发者群.zip'), renamed);
    expect(await runCli(['import', renamed], env)).toMatchObject({ code: 0, stdout: expect.stringContaining(summary('whatsapp', 4)) });
    expect(stored(env.DATABASE_URL).senders).toEqual({ 'OSSChat 开发者群': ['张三', 'Alice'], export: ['张三', 'Alice'] });
  });

  it('skips WhatsApp system lines in English and Chinese: no member named "WhatsApp", the group or "system"', async () => {
    const env = freshDatabase();
    const english = await runCli(['import', fixture('WhatsApp Chat with OSSChat 开发者群.txt')], env);
    expect(english).toMatchObject({ code: 0, stdout: expect.stringContaining(`${summary('whatsapp', 4)}跳过了 8 行 WhatsApp 系统消息`) });
    const chinese = await runCli(['import', fixture('与OSSChat 开发者群的 WhatsApp 聊天.txt')], env);
    expect(chinese).toMatchObject({ code: 0, stdout: expect.stringContaining(`${summary('whatsapp', 4)}跳过了 7 行 WhatsApp 系统消息`) });
    const android = await runCli(['import', fixture('whatsapp-android.txt')], env);
    expect(android.stdout).toContain(`${summary('whatsapp', 5)}跳过了 3 行`);
    const { senders } = stored(env.DATABASE_URL);
    expect(senders).toEqual({ 'OSSChat 开发者群': ['张三', 'Alice', '王五'], 'whatsapp-android': ['张三', 'Alice', 'Bob'] });
  });
});

describe('osschat import says why nothing was added (built CLI)', () => {
  it('a second import of the same export adds nothing and says all were there before: success', async () => {
    const env = freshDatabase();
    await runCli(['import', fixture('whatsapp-android.txt')], env);
    const again = await runCli(['import', fixture('whatsapp-android.txt')], env);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toBe(`${summary('whatsapp', 0, 5)}跳过了 3 行 WhatsApp 系统消息（加密提示、建群、加人、退群、改群名、导出时省略的媒体等）：它们不是聊天，也不是成员。\n这 5 条消息此前都已导入，数据库里已经有了，这次没有新增。\n`);
  });

  it('an export of nothing but system lines, a file read in the wrong format, an empty file: one line each, exit 1', async () => {
    const env = freshDatabase();
    const dir = tempDir();
    const onlySystem = join(dir, 'new-group.txt');
    writeFileSync(onlySystem, readFileSync(fixture('whatsapp-android.txt'), 'utf8').split('\n').slice(0, 2).join('\n'));
    expect(await runCli(['import', onlySystem], env)).toMatchObject({ code: 1, stderr: `${onlySystem} 里没有聊天消息：读到的 2 行都是系统消息，没有可导入的内容。\n` });
    const wrong = await runCli(['import', fixture('wechat-group.txt'), '--format', 'whatsapp'], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^无法读取的记录 line 1：text before the first dated line\n/);
    expect(wrong.stderr).toContain(`按 whatsapp 格式读取 ${fixture('wechat-group.txt')}，没有读到任何消息（无法读取的记录 13 条）。如果它不是 whatsapp 导出，请用 --format 指定格式：${FORMATS}\n`);
    const noMessages = join(dir, 'result.json');
    writeFileSync(noMessages, '{"name": "群", "type": "private_group", "id": 1, "messages": []}');
    expect(await runCli(['import', noMessages], env)).toMatchObject({ code: 1, stderr: `按 telegram 格式读取 ${noMessages}，没有读到任何消息（无法读取的记录 0 条）。如果它不是 telegram 导出，请用 --format 指定格式：${FORMATS}\n` });
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(await runCli(['import', empty], env)).toMatchObject({ code: 1, stdout: '', stderr: `${empty} 是空文件，没有可导入的内容。\n` });
    expect(await runCli(['import', empty, '--format', 'jsonl'], env)).toMatchObject({ code: 1, stderr: `${empty} 是空文件，没有可导入的内容。\n` });
    expect(stored(env.DATABASE_URL).rooms).toEqual({});
  });

  it('a zip holding neither a Slack export nor a WhatsApp chat, and a broken zip: one line with the fix, exit 2', async () => {
    const env = freshDatabase();
    const dir = tempDir();
    const other = join(dir, 'photos.zip');
    await writeZip(other, [{ name: 'IMG_0001.jpg', content: () => [Buffer.from([0xff, 0xd8, 0xff, 0xd9])] }]);
    expect(await runCli(['import', other], env)).toMatchObject({ code: 2, stderr: `${other} 里既没有 Slack 导出（users.json、channels.json、频道/日期.json），也没有 WhatsApp 聊天（_chat.txt 或「WhatsApp Chat with 名字.txt」）。请导入导出的文件夹或 zip 本身，或解压后导入其中的聊天文件。\n` });
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, readFileSync(fixture('WhatsApp Chat - OSSChat 开发者群.zip')).subarray(0, 200));
    const result = await runCli(['import', broken], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${broken} 看起来是 zip，但无法读取（.+）。请重新下载或重新压缩导出后再导入。\\n$`));
  });
});
