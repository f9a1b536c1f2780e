import { FileBox } from 'file-box';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WechatyBuilder, types, type payloads } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { ChatAdapter } from '../../../src/chat/chat-adapter.js';
import { createWechatyAdapter } from '../../../src/chat/wechaty/wechaty-adapter.js';
import type { ChatEvent, ChatMessageEvent } from '../../../src/core/types.js';

// A 1x1 transparent PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const SEP = '- - - - - - - - - - - - - - -';

interface Harness {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  adapter: ChatAdapter;
  events: ChatEvent[];
  logs: { level: string; obj: object; msg?: string }[];
  scans: string[];
}

function createHarness(): Harness {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const wechaty = WechatyBuilder.build({ puppet });
  const logs: Harness['logs'] = [];
  const log = (level: string) => (obj: object, msg?: string) => logs.push({ level, obj, msg });
  const scans: string[] = [];
  const adapter = createWechatyAdapter({
    wechaty, log: { info: log('info'), warn: log('warn'), error: log('error') }, onScan: (qr) => scans.push(qr),
  });
  return { mocker, puppet, adapter, events: [], logs, scans };
}

let seq = 0;
// The mock's contact.say() makes only text, image, video and (for every other file) unknown
// messages; other kinds are built the way say() builds them, straight from a payload.
function emitRaw(h: Harness, payload: Partial<payloads.Message>, file?: FileBox): string {
  const id = `raw-${++seq}`;
  if (file) h.mocker.cacheFileBoxPayload.set(id, file.toJSON());
  h.mocker.MessageMock.create({ id, timestamp: Date.now(), ...payload } as payloads.Message);
  h.puppet.emit('message', { messageId: id });
  return id;
}

const messages = (h: Harness) => h.events.filter((e): e is ChatMessageEvent => e.type === 'message');
const byText = (h: Harness, text: string) => messages(h).find((e) => e.text === text);

async function until<T>(find: () => T | undefined): Promise<T> {
  return vi.waitFor(() => {
    const found = find();
    if (found === undefined) throw new Error('not yet');
    return found;
  }, { timeout: 5000, interval: 10 });
}

describe('wechaty adapter through wechaty-puppet-mock', () => {
  const h = createHarness();
  const bot = h.mocker.createContact({ name: 'OSSChat' });
  const [alice, bob, carol] = ['张三', '李四', '王五'].map((name) => h.mocker.createContact({ name })) as [
    mock.ContactMock, mock.ContactMock, mock.ContactMock,
  ];
  const others = h.mocker.createContacts(2);
  const room = h.mocker.createRoom({
    topic: 'OSSChat 用户群', memberIdList: [bot.id, alice.id, bob.id, carol.id, ...others.map((c) => c.id)],
  });
  const roomRef = { id: room.id, topic: 'OSSChat 用户群' };

  beforeAll(async () => {
    expect(h.adapter.state).toBe('idle');
    await h.adapter.start(async (event) => {
      if (event.type === 'message' && event.text === 'boom') throw new Error('handler failed');
      h.events.push(event);
    });
    expect(h.adapter.state).toBe('starting');
    h.mocker.scan('mock-qrcode');
    await until(() => (h.adapter.state === 'waiting-login' ? true : undefined));
    h.mocker.login(bot);
    h.puppet.emit('ready', { data: 'mock' });
    await until(() => (h.adapter.state === 'ready' ? true : undefined));
  });

  afterAll(async () => {
    await h.adapter.stop();
  });

  it('reports its platform and the login QR code', () => {
    expect(h.adapter.platform).toBe('wechat');
    expect(h.scans).toEqual(['mock-qrcode']);
  });

  it('delivers a room text with room, sender and time', async () => {
    alice.say('大家好').to(room);
    const event = await until(() => byText(h, '大家好'));
    expect(event).toMatchObject({ room: roomRef, from: { id: alice.id, name: '张三' }, kind: 'text' });
    expect(event.ts).toBeInstanceOf(Date);
    expect(event.self).toBeUndefined();
    expect(event.mentionsBot).toBeUndefined();
  });

  it('flags a message that @-mentions the bot', async () => {
    bob.say('@OSSChat 帮我建个工单', [bot]).to(room);
    const event = await until(() => byText(h, '@OSSChat 帮我建个工单'));
    expect(event).toMatchObject({ from: { id: bob.id, name: '李四' }, mentionsBot: true });
  });

  it('delivers an image as a placeholder', async () => {
    bob.say(FileBox.fromBase64(PNG, 'screenshot.png')).to(room);
    const event = await until(() => messages(h).find((e) => e.kind === 'image'));
    expect(event).toMatchObject({ room: roomRef, from: { id: bob.id, name: '李四' }, text: '[图片]' });
  });

  it('delivers a file with its name', async () => {
    const pdf = FileBox.fromBase64(Buffer.from('%PDF-1.4').toString('base64'), 'name.pdf');
    emitRaw(h, { type: types.Message.Attachment, talkerId: carol.id, roomId: room.id, mentionIdList: [] }, pdf);
    const event = await until(() => messages(h).find((e) => e.kind === 'file'));
    expect(event).toMatchObject({ room: roomRef, from: { id: carol.id, name: '王五' }, text: '[文件: name.pdf]' });
  });

  it('delivers a url link with its title and address', async () => {
    const id = emitRaw(h, { type: types.Message.Url, talkerId: alice.id, roomId: room.id, mentionIdList: [] });
    const event = await until(() => messages(h).find((e) => e.id === id));
    // The mock answers every url message with the same fake link.
    expect(event).toMatchObject({ kind: 'url', text: `[链接: mock title for ${id} https://mock.url]` });
  });

  it('delivers a mini program and a location with their names', async () => {
    const mp = emitRaw(h, { type: types.Message.MiniProgram, talkerId: alice.id, roomId: room.id, mentionIdList: [] });
    const loc = emitRaw(h, { type: types.Message.Location, talkerId: alice.id, roomId: room.id, mentionIdList: [] });
    expect(await until(() => messages(h).find((e) => e.id === mp))).toMatchObject({
      kind: 'mini-program', text: `[小程序: mock title for ${mp}]`,
    });
    expect(await until(() => messages(h).find((e) => e.id === loc))).toMatchObject({
      kind: 'location', text: '[位置: 东升乡人民政府(海淀区成府路45号)]',
    });
  });

  it('delivers the other kinds as placeholders', async () => {
    const M = types.Message;
    const cases: [number, string, string][] = [
      [M.Audio, 'audio', '[语音]'], [M.Emoticon, 'emoticon', '[表情]'], [M.ChatHistory, 'chat-history', '[聊天记录]'],
      [M.Transfer, 'transfer', '[转账]'], [M.RedEnvelope, 'red-envelope', '[红包]'], [M.Post, 'post', '[动态]'],
      [M.GroupNote, 'post', '[群笔记]'], [M.Unknown, 'unknown', '[未知消息]'],
      // The mock cannot name a shared contact card (messageContact() answers ''), so no name.
      [M.Contact, 'contact', '[名片]'],
    ];
    for (const [type, kind, text] of cases) {
      const id = emitRaw(h, { type, talkerId: alice.id, roomId: room.id, mentionIdList: [] });
      expect(await until(() => messages(h).find((e) => e.id === id))).toMatchObject({ kind, text });
    }
  });

  it('makes a video of an .mp4 a contact says, and (a mock quirk) an unknown of any other file', async () => {
    alice.say(FileBox.fromBase64(PNG, 'clip.mp4')).to(room);
    alice.say(FileBox.fromBase64(PNG, 'notes.pdf')).to(room);
    expect(await until(() => messages(h).find((e) => e.kind === 'video'))).toMatchObject({ text: '[视频]' });
    expect(await until(() => messages(h).find((e) => e.kind === 'unknown' && e.from.id === alice.id))).toBeDefined();
  });

  it('parses a quoted reply', async () => {
    carol.say(`「张三：大家好」\n${SEP}\n你好呀`).to(room);
    const event = await until(() => byText(h, '你好呀'));
    expect(event).toMatchObject({ from: { id: carol.id }, quote: { senderName: '张三', text: '大家好' } });
  });

  it('turns a recall into a recall event for the original message', async () => {
    const original = emitRaw(h, { type: types.Message.Text, text: '发错了', talkerId: bob.id, roomId: room.id });
    await until(() => byText(h, '发错了'));
    // Wechaty's convention: a recall message's text is the recalled message's id.
    emitRaw(h, { type: types.Message.Recalled, text: original, talkerId: bob.id, roomId: room.id });
    const recall = await until(() => h.events.find((e) => e.type === 'recall'));
    expect(recall).toMatchObject({ type: 'recall', id: original, room: roomRef, from: { id: bob.id } });
  });

  it('gives a direct message a null room', async () => {
    carol.say('私聊你一下').to(bot);
    const event = await until(() => byText(h, '私聊你一下'));
    expect(event).toMatchObject({ room: null, from: { id: carol.id, name: '王五' }, kind: 'text' });
  });

  it('says text in a room, and hears its own message as self', async () => {
    const heard: string[] = [];
    room.on('message', (msg) => void heard.push(msg.text() ?? ''));
    await h.adapter.say({ room: room.id, text: '收到，已建工单', replyTo: 'some-id' });
    expect(heard).toEqual(['收到，已建工单']);
    const own = await until(() => byText(h, '收到，已建工单'));
    expect(own).toMatchObject({ self: true, room: roomRef, from: { id: bot.id, name: 'OSSChat' } });
  });

  it('says text to a contact in a direct chat', async () => {
    const heard: string[] = [];
    carol.on('message', (msg) => void heard.push(msg.text() ?? ''));
    await h.adapter.say({ room: carol.id, text: '私聊回复' });
    expect(heard).toContain('私聊回复');
    await expect(h.adapter.say({ room: 'no-such-id', text: 'x' })).rejects.toThrow(/no room or contact/);
  });

  it('logs a failing handler and keeps delivering', async () => {
    alice.say('boom').to(room);
    alice.say('after boom').to(room);
    await until(() => byText(h, 'after boom'));
    expect(h.logs.some((l) => l.level === 'error' && l.msg === 'wechat: failed to handle a message')).toBe(true);
  });

  it('never finishes on its own', async () => {
    const settled = await Promise.race([h.adapter.finished().then(() => true), new Promise((r) => setTimeout(r, 20, false))]);
    expect(settled).toBe(false);
  });
});

describe('stopping the wechaty adapter', () => {
  it('waits for the message in flight, then stops and ignores later messages', async () => {
    const h = createHarness();
    const bot = h.mocker.createContact({ name: 'OSSChat' });
    const [alice] = h.mocker.createContacts(1) as [mock.ContactMock];
    const room = h.mocker.createRoom({ topic: 'stop', memberIdList: [bot.id, alice.id] });
    const handled: string[] = [];
    let release = (): void => {};
    let reached = (): void => {};
    const slowReached = new Promise<void>((r) => { reached = r; });
    await h.adapter.start(async (event) => {
      if (event.type !== 'message') return;
      if (event.text === 'slow') {
        reached();
        await new Promise<void>((r) => { release = r; });
      }
      handled.push(event.text);
    });
    h.mocker.login(bot);
    h.puppet.emit('ready', { data: 'mock' });
    await until(() => (h.adapter.state === 'ready' ? true : undefined));

    alice.say('slow').to(room);
    await slowReached;
    const stopping = h.adapter.stop();
    alice.say('too late').to(room);
    let stopped = false;
    void stopping.then(() => { stopped = true; });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(handled).toEqual(['slow']);
    expect(h.adapter.state).toBe('stopped');
  });

  it('stops cleanly before it was started', async () => {
    const h = createHarness();
    await h.adapter.stop();
    expect(h.adapter.state).toBe('stopped');
  });
});
