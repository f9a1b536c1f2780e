import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/commands/command.js';
import { createBot, type Feature } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ChatEvent, ChatMessageEvent, OutgoingMessage } from '../../src/core/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const room = { id: 'r1', topic: 'OSSChat 开发者群' };
let seq = 0;
function say(text: string, extra: Partial<ChatMessageEvent> = {}): ChatMessageEvent {
  seq += 1;
  return { type: 'message', id: `m${seq}`, room, from: { id: 'u1', name: '张三' }, text, kind: 'text', ts: new Date(Date.UTC(2026, 10, 24, 2, 0, seq)), ...extra };
}

const ping: Command<{ who: string }> = {
  name: 'ping',
  usage: { 'zh-CN': '/ping', en: '/ping' },
  help: { 'zh-CN': '测试', en: 'test' },
  permission: 'anyone',
  parse: (text) => (text.startsWith('/ping') ? { who: text.slice(5).trim() } : undefined),
  run: async (ctx, args) => ctx.reply(`pong ${args.who} (${(await ctx.recent(5)).length} before)`),
};
const wipe: Command<object> = { ...ping, name: 'wipe', permission: 'admin', parse: (text) => (text === '/wipe' ? {} : undefined), run: async (ctx) => ctx.reply('wiped') };

describe('bot.handle', () => {
  let store: Store;
  let sent: OutgoingMessage[];
  let seen: string[];
  const observer: Feature = { name: 'observer', middleware: async (ctx, next) => { seen.push(ctx.message.text); await next(); } };

  beforeEach(async () => {
    store = await openStore(':memory:');
    sent = [];
    seen = [];
  });
  afterEach(async () => store.close());

  const bot = (options: { features?: Feature[]; admins?: string[]; storeOverride?: Store } = {}) =>
    createBot({ store: options.storeOverride ?? store, platform: 'test', send: async (m) => void sent.push(m), log: silentLogger, commands: [ping, wipe], features: options.features ?? [observer], admins: options.admins });

  it('stores a message with its room, sender and kind, once however often it is delivered', async () => {
    const b = bot();
    const event = say('[图片]', { kind: 'image' });
    const first = await b.handle(event);
    const again = await b.handle(event);
    expect(first).toMatchObject({ type: 'message', room: { topic: 'OSSChat 开发者群', kind: 'group' }, sender: { name: '张三' }, message: { kind: 'image', text: '[图片]' } });
    expect(again).toMatchObject({ type: 'message', message: undefined });
    expect(await store.messages.count()).toBe(1);
    expect(seen).toEqual(['[图片]']);
  });

  it('routes commands through the table and replies quoting the command', async () => {
    const b = bot();
    await b.handle(say('hello'));
    const command = say('/ping 张三');
    await b.handle(command);
    await b.drain();
    expect(sent).toEqual([{ room: 'r1', text: 'pong 张三 (1 before)', replyTo: command.id }]);
    expect(seen).toEqual(['hello']);
  });

  it('lets only admins run admin commands, and says so in the room language', async () => {
    const anyone = bot();
    await anyone.handle(say('/wipe'));
    await anyone.drain();
    expect(sent[0]?.text).toBe('抱歉，只有管理员可以使用「wipe」。\n机器人还没有管理员：运行机器人的终端里显示了一个认领码，发送「认领 认领码」即可成为管理员（在那台机器上执行 osschat admins code 可以生成新的）。');
    const admin = bot({ admins: ['u1'] });
    await admin.handle(say('/wipe'));
    await admin.drain();
    expect(sent[1]?.text).toBe('wiped');
  });

  it('stores the bot’s own messages flagged, and never routes them', async () => {
    const b = bot();
    const result = await b.handle(say('/ping loop', { self: true, from: { id: 'bot', name: 'OSSChat' } }));
    await b.drain();
    expect(result).toMatchObject({ message: { isSelf: true, command: null } });
    expect(sent).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('keeps direct messages apart from room messages and answers in the direct chat', async () => {
    const b = bot();
    const result = await b.handle(say('/ping me', { room: null }));
    await b.drain();
    expect(result).toMatchObject({ room: { kind: 'direct', externalId: 'dm:u1' } });
    expect(sent[0]).toMatchObject({ room: 'u1', direct: true });
    expect(await store.rooms.findByName('dm:u1')).toBeUndefined();
  });

  it('applies recalls and edits to the stored message', async () => {
    const b = bot();
    const original = say('版本是 1.0');
    await b.handle(original);
    expect(await b.handle({ type: 'edit', id: original.id, room, text: '版本是 1.1', ts: new Date() })).toMatchObject({ applied: true });
    expect(await b.handle({ type: 'recall', id: original.id, room, ts: new Date() })).toMatchObject({ applied: true });
    expect(await b.handle({ type: 'recall', id: 'unknown', room, ts: new Date() })).toMatchObject({ applied: false });
    const roomId = (await store.rooms.findByName('r1'))!.id;
    expect(await store.messages.findByPlatformId(roomId, original.id)).toMatchObject({ text: '版本是 1.1' });
    expect((await store.messages.findByPlatformId(roomId, original.id))?.recalledAt).toBeInstanceOf(Date);
  });

  it('resolves a WeChat quote to the quoted message id', async () => {
    const b = bot();
    const question = say('怎么安装？');
    await b.handle(question);
    const answer = await b.handle(say('npm i osschat', { from: { id: 'u2', name: '李四' }, quote: { senderName: '张三', text: '怎么安装？' } }));
    expect(answer).toMatchObject({ message: { replyTo: question.id } });
  });

  it('tracks room topic changes', async () => {
    const b = bot();
    await b.handle(say('a'));
    await b.handle(say('b', { room: { id: 'r1', topic: '新群名' } }));
    const stored = (await store.rooms.findByName('r1'))!;
    expect((await store.rooms.topicHistory(stored.id)).map((entry) => entry.topic)).toEqual(['OSSChat 开发者群', '新群名']);
  });

  it('routes the messages of a room in order when they arrive all at once', async () => {
    const b = bot();
    const texts = Array.from({ length: 200 }, (_, i) => `message ${i}`);
    await Promise.all(texts.map((text) => b.handle(say(text))));
    await b.drain();
    expect(seen).toEqual(texts);
    expect(await store.messages.count()).toBe(200);
  });

  it('keeps running the other features when one fails', async () => {
    const failing: Feature = { name: 'failing', middleware: async () => { throw new Error('feature bug'); } };
    await bot({ features: [failing, observer] }).handle(say('still seen'));
    expect(seen).toEqual(['still seen']);
  });

  it('loses no other event when one event of a batch cannot be written', async () => {
    const poisoned: Store = { ...store, transaction: (work) => store.transaction((tx) => work({ ...tx, messages: { ...tx.messages, insertMany: async (inputs) => {
      if (inputs.some((input) => input.text === 'poison')) throw new Error('disk says no');
      return tx.messages.insertMany(inputs);
    } } })) };
    const b = bot({ storeOverride: poisoned });
    const results = await Promise.allSettled(['a', 'poison', 'b'].map((text) => b.handle(say(text))));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.messages.count()).toBe(2);
  });
});

describe('events without a room', () => {
  it('ignores a recall it cannot place', async () => {
    const store = await openStore(':memory:');
    const b = createBot({ store, platform: 'test', send: async () => undefined, log: silentLogger });
    const event: ChatEvent = { type: 'recall', id: 'x', room: null, ts: new Date() };
    expect(await b.handle(event)).toEqual({ type: 'recall', room: undefined, applied: false });
    await store.close();
  });
});

describe('bot names', () => {
  it('reads the names the bot answers to at each message (the platform tells its own name after login)', async () => {
    const store = await openStore(':memory:');
    const names = ['OSSChat'];
    const services = { get botNames() { return names; } };
    const sent: OutgoingMessage[] = [];
    const b = createBot({ store, platform: 'test', send: async (m) => void sent.push(m), log: silentLogger, services });
    await b.handle(say('@小助手 issue 1'));
    expect((await store.messages.findByPlatformId((await store.rooms.findByName('r1'))!.id, `m${seq}`))?.command).toBeNull();
    names.push('小助手');
    await b.handle(say('@小助手 issue 1'));
    await b.drain();
    expect((await store.messages.findByPlatformId((await store.rooms.findByName('r1'))!.id, `m${seq}`))?.command).toBe('issue');
    expect(sent[0]?.text).toContain('本群还没有绑定仓库');
    await b.stop();
    await store.close();
  });
});
