import { FileBox } from 'file-box';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { types, type payloads } from 'wechaty';
import type { Command } from '../../src/core/commands/command.js';
import { createBot, type Bot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { StoredMessage } from '../../src/core/types.js';
import { mockWechat } from '../helpers/mock-wechat.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const TOPIC = 'OSSChat 开发者群';

describe('Wechaty (puppet-mock) → bot → store', () => {
  const { mocker, puppet, adapter, self, start } = mockWechat();
  const [alice, bob] = [mocker.createContact({ name: '张三' }), mocker.createContact({ name: '李四' })];
  const room = mocker.createRoom({ topic: TOPIC, memberIdList: [self.id, alice.id, bob.id] });
  const routed: string[] = [];
  const echo: Command<string> = {
    name: 'echo',
    usage: { 'zh-CN': '/echo', en: '/echo' },
    help: { 'zh-CN': '回声', en: 'echo' },
    permission: 'anyone',
    parse: (text) => (text.startsWith('/echo ') ? text.slice(6) : undefined),
    run: async (ctx, text) => {
      routed.push(text);
      await ctx.reply(`/echo ${text}`); // the bot's own message looks like a command: it must not loop
    },
  };
  let store: Store;
  let bot: Bot;

  async function stored(): Promise<(StoredMessage & { sender?: string })[]> {
    const roomRow = await store.rooms.findByName(TOPIC);
    if (!roomRow) return [];
    const rows: (StoredMessage & { sender?: string })[] = [];
    for await (const message of store.messages.streamRoom(roomRow.id)) rows.push({ ...message, sender: (await store.members.findById(message.senderId))?.name ?? undefined });
    return rows;
  }

  beforeAll(async () => {
    store = await openStore(':memory:');
    bot = createBot({ store, platform: adapter.platform, send: (m) => adapter.say(m), log: silentLogger, commands: [echo] });
    bot.start();
    await start(async (event) => void (await bot.handle(event)));
  });
  afterAll(async () => {
    await adapter.stop();
    await bot.stop();
    await store.close();
  });

  it('stores text, image, file and quoted messages with room topic, sender name and kind', async () => {
    alice.say('怎么安装 OSSChat？').to(room);
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
    bob.say(FileBox.fromBase64(PNG, 'screenshot.png')).to(room);
    mocker.cacheFileBoxPayload.set('file-1', FileBox.fromBase64(PNG, 'install-log.pdf').toJSON());
    mocker.MessageMock.create({ id: 'file-1', type: types.Message.Attachment, talkerId: alice.id, roomId: room.id, timestamp: Date.now(), text: '' } as payloads.Message);
    puppet.emit('message', { messageId: 'file-1' });
    bob.say('「张三：怎么安装 OSSChat？」\n- - - - - - - - - - - - - - -\nnpm ci && npm start').to(room);
    await vi.waitFor(async () => expect(await stored()).toHaveLength(4), { timeout: 5000 });
    const rows = await stored();
    expect(rows.map((row) => [row.sender, row.kind, row.text])).toEqual([
      ['张三', 'text', '怎么安装 OSSChat？'],
      ['李四', 'image', '[图片]'],
      ['张三', 'file', '[文件: install-log.pdf]'],
      ['李四', 'text', 'npm ci && npm start'],
    ]);
    expect(rows[3]?.replyTo).toBe(rows[0]?.platformMsgId);
    expect((await store.rooms.findByName(TOPIC))).toMatchObject({ platform: 'wechat', kind: 'group', externalId: room.id });
  });

  it('flags the bot’s own messages and never routes them (no loops)', async () => {
    alice.say('/echo 你好').to(room);
    await vi.waitFor(async () => expect((await stored()).filter((row) => row.isSelf)).toHaveLength(1), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const own = (await stored()).filter((row) => row.isSelf);
    expect(own.map((row) => row.text)).toEqual(['/echo 你好']);
    expect(routed).toEqual(['你好']);
  });

  it('keeps direct messages apart from the room', async () => {
    const before = (await stored()).length;
    alice.say('私聊问一下').to(self);
    await vi.waitFor(async () => expect((await store.rooms.list()).some((r) => r.kind === 'direct')).toBe(true), { timeout: 5000 });
    const direct = (await store.rooms.list()).find((r) => r.kind === 'direct')!;
    expect(direct.externalId).toBe(`dm:${alice.id}`);
    expect((await store.messages.recent(direct.id, 10)).map((m) => m.text)).toEqual(['私聊问一下']);
    expect((await stored()).length).toBe(before);
  });
});
