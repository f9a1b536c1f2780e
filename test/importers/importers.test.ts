import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/importers/detect.js';
import { IMPORTERS, type ImportFormat } from '../../src/importers/formats.js';
import type { ImportedMessage, ImportItem } from '../../src/importers/import-record.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url));
/** Local wall-clock time, as the text formats write it. */
const local = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => new Date(y, mo - 1, d, h, mi, s);

async function read(format: ImportFormat, name: string, chat?: string): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  for await (const item of IMPORTERS[format](fixture(name), { chat })) items.push(item);
  return items;
}
const messages = (items: ImportItem[]) => items.filter((item): item is ImportedMessage => item.type === 'message');
const bads = (items: ImportItem[]) => items.filter((item) => item.type === 'bad').map((item) => item.type === 'bad' && item.at);
const skips = (items: ImportItem[]) => items.flatMap((item) => (item.type === 'skipped' ? [[item.reason, item.at]] : []));

describe('importers on exports in each format', () => {
  it('Telegram Desktop single chat: entities flattened, replies, media kinds, service messages, a bad record by index', async () => {
    const items = await read('telegram', 'telegram-chat.json');
    const [created, question, answer, photo, sticker] = messages(items);
    expect(created).toMatchObject({ platform: 'telegram', room: { id: '1812345678', topic: 'OSSChat 开发者群' }, id: '1', kind: 'system', from: { id: 'user1001', name: '张三' } });
    expect(question).toMatchObject({ id: '2', text: '请问怎么安装？', ts: new Date('2024-01-02T02:01:00Z') });
    expect(answer).toMatchObject({ id: '3', replyTo: '2', text: 'see https://github.com/osschat/osschat#install "quoted" \\ backslash' });
    expect(photo).toMatchObject({ kind: 'image', text: '[image]' });
    expect(sticker).toMatchObject({ kind: 'emoticon' });
    expect(bads(items)).toEqual(['OSSChat 开发者群 messages[4]']);
  });

  it('Telegram full-account export: every chat of chats.list, or only the one asked for', async () => {
    const all = messages(await read('telegram', 'telegram-account.json'));
    expect(all.map((m) => [m.room.topic, m.id])).toEqual([['Rust 中文社区', '10'], ['Rust 中文社区', '11'], ['Alice', '5']]);
    expect(all[1]!.replyTo).toBe('10');
    expect(messages(await read('telegram', 'telegram-account.json', 'Alice')).map((m) => m.text)).toEqual(['ping']);
  });

  it('DiscordChatExporter: nickname, reference → replyTo, attachments, system types', async () => {
    const items = await read('discord', 'discord.json');
    const [first, reply, file, join] = messages(items);
    expect(first).toMatchObject({ room: { id: '800000000000000001', topic: 'OSSChat #general' }, from: { id: '600000000000000001', name: 'Alice' }, ts: new Date('2024-01-02T02:00:00Z') });
    expect(reply).toMatchObject({ replyTo: '900000000000000001', text: 'npm ci && npm start' });
    expect(file).toMatchObject({ kind: 'file', text: '[file] log.txt' });
    expect(join).toMatchObject({ kind: 'system' });
    expect(bads(items)).toEqual(['messages[4]']);
  });

  it.each(['slack', 'slack.zip'])('Slack export (%s): names from users.json, thread replies, markup, channels in order', async (name) => {
    const items = await read('slack', name);
    const texts = messages(items).map((m) => [m.room.topic, m.text]);
    expect(texts).toEqual([
      ['general', '@Alice Liddell has joined the channel'],
      ['general', '请问怎么安装？ @Alice Liddell'],
      ['general', 'see <docs> at https://osschat.dev/install'],
      ['general', 'CI passed'],
      ['random', '周末愉快'],
    ]);
    const [join, question, answer] = messages(items);
    expect(join!.kind).toBe('system');
    expect(question).toMatchObject({ id: '1704160860.000200', room: { id: 'C01GENERAL' }, from: { id: 'U01AAAAAAAA', name: '张三' } });
    expect(question!.replyTo).toBeUndefined();
    expect(answer!.replyTo).toBe('1704160860.000200');
    expect(bads(items)).toEqual(['general/2024-01-03.json[0]']);
    expect(messages(await read('slack', name, 'random')).map((m) => m.text)).toEqual(['周末愉快']);
  });

  it('WhatsApp iOS: [dd/mm/yyyy, hh:mm:ss], multi-line messages, its own marked lines skipped, a bad date', async () => {
    const items = await read('whatsapp', 'whatsapp-ios.txt');
    const all = messages(items);
    expect(all.map((m) => [m.from.name, m.kind])).toEqual([['张三', 'text'], ['Alice', 'text'], ['Alice', 'text'], ['Alice', 'text']]);
    expect(all[0]).toMatchObject({ from: { id: '张三', name: '张三' }, text: '请问怎么安装？', ts: local(2024, 1, 2, 10, 1) });
    expect(all[1]!.text).toBe('first line\nsecond line\n\nafter a blank line');
    expect(bads(items)).toEqual(['line 8']);
    expect(skips(items)).toEqual([['system', 'line 1'], ['system', 'line 7']]);
  });

  it('WhatsApp Android: m/d/yy, hh:mm - Name: text; lines without a sender and <Media omitted> are skipped', async () => {
    const items = await read('whatsapp', 'whatsapp-android.txt');
    const all = messages(items);
    expect(all.map((m) => m.kind)).toEqual(['text', 'text', 'text', 'text', 'text']);
    expect(all[1]).toMatchObject({ text: 'npm ci\nthen npm start', ts: local(2024, 1, 2, 10, 2) });
    expect(all[4]!.ts).toEqual(local(2024, 1, 25, 9, 15));
    expect(skips(items)).toEqual([['system', 'line 1'], ['system', 'line 2'], ['system', 'line 6']]);
  });

  it.each([
    ['WhatsApp Chat with OSSChat 开发者群.txt', local(2024, 2, 1, 13, 15), 'IMG-20240102-WA0003.jpg'],
    ['与OSSChat 开发者群的 WhatsApp 聊天.txt', local(2024, 1, 2, 13, 15), 'IMG-20240102-WA0003.jpg'],
  ])('WhatsApp Android in English and Chinese (%s): 12-hour times, events, placeholders and deleted messages skipped, the room named after the group', async (name, photoTime, photo) => {
    const items = await read('whatsapp', name);
    const all = messages(items);
    expect(all.map((m) => [m.from.name, m.kind])).toEqual([['张三', 'text'], ['Alice', 'text'], ['王五', 'image'], ['Alice', 'text']]);
    expect(all[0]!.room).toEqual({ id: 'OSSChat 开发者群', topic: 'OSSChat 开发者群' });
    expect(all[2]).toMatchObject({ text: `[image] ${photo}`, ts: photoTime });
    expect(all[1]!.text.split('\n')).toHaveLength(2);
    expect(bads(items)).toEqual([]);
    expect(skips(items).map(([reason]) => reason)).toEqual(Array(name.startsWith('WhatsApp') ? 8 : 7).fill('system'));
  });

  it.each(['WhatsApp Chat - OSSChat 开发者群.zip', 'whatsapp-ios-export'])('WhatsApp export with media (%s): _chat.txt read from inside, attachments kept as files', async (name) => {
    const items = await read('whatsapp', name);
    const all = messages(items);
    expect(all.map((m) => [m.from.name, m.kind, m.text])).toEqual([
      ['张三', 'text', '请问 osschat import 支持 WhatsApp 吗？'],
      ['Alice', 'text', 'yes: export the chat\nwith media, then import the zip'],
      ['张三', 'image', '[image] 00000006-PHOTO-2024-01-02-10-03-00.jpg'],
      ['Alice', 'text', '谢谢'],
    ]);
    expect(all[0]!.room.id).toBe(name.endsWith('.zip') ? 'OSSChat 开发者群' : 'whatsapp-ios-export');
    expect(skips(items)).toHaveLength(6);
  });

  it('WeChat CSV (WeChatMsg/MemoTrace): BOM, quoted multi-line content, types, a bad CreateTime', async () => {
    const items = await read('wechat-csv', 'OSSChat 开发者群_utf8.csv');
    const all = messages(items);
    expect(all.map((m) => m.kind)).toEqual(['system', 'text', 'text', 'image', 'text']);
    expect(all[0]!.room).toEqual({ id: 'OSSChat 开发者群', topic: 'OSSChat 开发者群' });
    expect(all[2]).toMatchObject({ from: { id: 'wxid_alice', name: 'Alice' }, text: '先 npm ci，\n再 npm start, 就好了', ts: new Date(1704160920_000) });
    expect(all[4]!.from).toEqual({ id: 'wxid_lisi', name: '小李' });
    expect(bads(items)).toEqual(['line 7']);
  });

  it('WeChat text: "YYYY-MM-DD hh:mm:ss name" headers, blank lines inside messages, placeholders', async () => {
    const items = await read('wechat-text', 'wechat-group.txt');
    const all = messages(items);
    expect(all.map((m) => [m.from.name, m.text, m.kind])).toEqual([
      ['系统消息', '"张三"邀请"Alice"加入了群聊', 'system'],
      ['张三', '请问怎么安装？', 'text'],
      ['Alice', '先 npm ci\n\n再 npm start', 'text'],
      ['Alice', '[图片]', 'image'],
      ['张三', '谢谢！', 'text'],
    ]);
    expect(all[1]!.ts).toEqual(local(2024, 1, 2, 10, 1));
    expect(bads(items)).toEqual(['line 15']);
  });

  it('our own JSON Lines: messages, edits, recalls, the bot’s own messages, a broken line', async () => {
    const items = await read('jsonl', 'stdio.jsonl');
    expect(items.map((item) => item.type)).toEqual(['message', 'message', 'edit', 'bad', 'message', 'recall']);
    expect(items[1]).toMatchObject({ replyTo: 'm1', platform: 'stdio' });
    expect(items[4]).toMatchObject({ self: true });
    expect(bads(items)).toEqual(['line 4']);
  });

  it('detects every format from the file', async () => {
    const expected: [string, ImportFormat][] = [
      ['telegram-chat.json', 'telegram'], ['telegram-account.json', 'telegram'], ['discord.json', 'discord'], ['slack', 'slack'], ['slack.zip', 'slack'],
      ['whatsapp-ios.txt', 'whatsapp'], ['whatsapp-android.txt', 'whatsapp'], ['OSSChat 开发者群_utf8.csv', 'wechat-csv'], ['wechat-group.txt', 'wechat-text'], ['stdio.jsonl', 'jsonl'],
      ['slack-one-channel', 'slack'], ['WhatsApp Chat - OSSChat 开发者群.zip', 'whatsapp'], ['whatsapp-ios-export', 'whatsapp'],
      ['WhatsApp Chat with OSSChat 开发者群.txt', 'whatsapp'], ['与OSSChat 开发者群的 WhatsApp 聊天.txt', 'whatsapp'],
    ];
    for (const [name, format] of expected) expect([name, await detectFormat(fixture(name))]).toEqual([name, format]);
  });
});
