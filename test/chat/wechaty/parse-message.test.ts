import { describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import {
  messagePlaceholder,
  parseQuote,
  parseWechatyMessage,
  type RawWechatyMessage,
} from '../../../src/chat/wechaty/parse-message.js';

const date = new Date('2025-03-01T08:00:00Z');

function raw(over: Partial<RawWechatyMessage> = {}): RawWechatyMessage {
  return {
    id: 'm1', type: types.Message.Text, text: '你好', roomId: 'r1@chatroom', roomTopic: 'OSSChat 用户群',
    talkerId: 'u1', talkerName: '张三', self: false, mentionsSelf: false, date, ...over,
  };
}

const SEP = '- - - - - - - - - - - - - - -';

describe('parseWechatyMessage', () => {
  it('keeps a room text message with room, sender and time', () => {
    expect(parseWechatyMessage(raw())).toEqual({
      type: 'message', id: 'm1', room: { id: 'r1@chatroom', topic: 'OSSChat 用户群' },
      from: { id: 'u1', name: '张三' }, text: '你好', kind: 'text', ts: date,
    });
  });

  it('gives a direct message a null room', () => {
    const event = parseWechatyMessage(raw({ roomId: undefined, roomTopic: undefined }));
    expect(event).toMatchObject({ type: 'message', room: null, text: '你好' });
  });

  it('keeps a room without a topic', () => {
    expect(parseWechatyMessage(raw({ roomTopic: undefined }))).toMatchObject({ room: { id: 'r1@chatroom' } });
  });

  it('prefers the room nickname to the contact name', () => {
    expect(parseWechatyMessage(raw({ talkerAlias: '三哥' }))).toMatchObject({ from: { id: 'u1', name: '三哥' } });
  });

  it('flags the bot\'s own messages and mentions of the bot', () => {
    const own = parseWechatyMessage(raw({ self: true }));
    expect(own).toMatchObject({ self: true });
    expect(own).not.toHaveProperty('mentionsBot');
    const mention = parseWechatyMessage(raw({ text: '@OSSChat 帮我建个工单', mentionsSelf: true }));
    expect(mention).toMatchObject({ mentionsBot: true, text: '@OSSChat 帮我建个工单' });
    expect(mention).not.toHaveProperty('self');
  });

  it('parses a quoted reply with a full-width colon', () => {
    const event = parseWechatyMessage(raw({ text: `「张三：安装失败了怎么办」\n${SEP}\n先看日志` }));
    expect(event).toMatchObject({ kind: 'text', text: '先看日志', quote: { senderName: '张三', text: '安装失败了怎么办' } });
  });

  it('parses a quoted reply with a half-width colon and another dash count', () => {
    const event = parseWechatyMessage(raw({ text: `「Li Si: see https://x.org/a:b」\n- - - - -\nthanks\nagain` }));
    expect(event).toMatchObject({ text: 'thanks\nagain', quote: { senderName: 'Li Si', text: 'see https://x.org/a:b' } });
  });

  it('keeps a multi-line quote and leaves ordinary text alone', () => {
    expect(parseQuote(`「王五：第一行\n第二行」\n${SEP}\n好的`)).toEqual({
      text: '好的', quote: { senderName: '王五', text: '第一行\n第二行' },
    });
    expect(parseQuote('「这不是引用」\n好的')).toEqual({ text: '「这不是引用」\n好的' });
    expect(parseQuote('a\n- - -\nb')).toEqual({ text: 'a\n- - -\nb' });
  });

  it('does not parse quotes out of non-text messages', () => {
    const event = parseWechatyMessage(raw({ type: types.Message.Image, text: `「张三：x」\n${SEP}\ny` }));
    expect(event).toMatchObject({ kind: 'image', text: '[图片]' });
    expect(event).not.toHaveProperty('quote');
  });
});

describe('messagePlaceholder', () => {
  const M = types.Message;
  const cases: [string, Partial<RawWechatyMessage>, string, string][] = [
    ['image', { type: M.Image }, 'image', '[图片]'],
    ['file', { type: M.Attachment, fileName: 'name.pdf' }, 'file', '[文件: name.pdf]'],
    ['file without a name', { type: M.Attachment }, 'file', '[文件]'],
    ['url', { type: M.Url, title: '发布说明', url: 'https://example.org/r' }, 'url', '[链接: 发布说明 https://example.org/r]'],
    ['url without a title', { type: M.Url, url: 'https://example.org/r' }, 'url', '[链接: https://example.org/r]'],
    ['audio', { type: M.Audio }, 'audio', '[语音]'],
    ['video', { type: M.Video }, 'video', '[视频]'],
    ['emoticon', { type: M.Emoticon }, 'emoticon', '[表情]'],
    ['mini program', { type: M.MiniProgram, title: '腾讯文档' }, 'mini-program', '[小程序: 腾讯文档]'],
    ['contact card', { type: M.Contact, contactName: '李四' }, 'contact', '[名片: 李四]'],
    ['location', { type: M.Location }, 'location', '[位置]'],
    ['named location', { type: M.Location, locationName: '海淀区' }, 'location', '[位置: 海淀区]'],
    ['chat history', { type: M.ChatHistory }, 'chat-history', '[聊天记录]'],
    ['transfer', { type: M.Transfer }, 'transfer', '[转账]'],
    ['red envelope', { type: M.RedEnvelope }, 'red-envelope', '[红包]'],
    ['post', { type: M.Post }, 'post', '[动态]'],
    ['group note', { type: M.GroupNote, title: '周会' }, 'post', '[群笔记: 周会]'],
    ['unknown', { type: M.Unknown }, 'unknown', '[未知消息]'],
    ['a type Wechaty may add later', { type: 99 }, 'unknown', '[未知消息]'],
  ];

  it.each(cases)('%s', (_name, over, kind, text) => {
    expect(messagePlaceholder(raw(over))).toEqual({ kind, text });
    expect(parseWechatyMessage(raw({ text: '<xml/>', ...over }))).toMatchObject({ type: 'message', kind, text });
  });

  it('covers every Wechaty message type', () => {
    const values = Object.values(M).filter((v): v is number => typeof v === 'number');
    for (const type of values.filter((t) => t !== M.Text && t !== M.Unknown && t !== M.Recalled)) {
      expect(messagePlaceholder(raw({ type })).kind, M[type]).not.toBe('unknown');
    }
  });
});

describe('recall', () => {
  it('becomes a recall event for the original message id', () => {
    const event = parseWechatyMessage(raw({ id: 'm9', type: types.Message.Recalled, text: 'm1', recalledId: 'm1' }));
    expect(event).toEqual({
      type: 'recall', id: 'm1', room: { id: 'r1@chatroom', topic: 'OSSChat 用户群' }, from: { id: 'u1', name: '张三' }, ts: date,
    });
  });

  it('falls back to the id in the text, or in wechat4u\'s revoke XML', () => {
    expect(parseWechatyMessage(raw({ type: types.Message.Recalled, text: 'm1' }))).toMatchObject({ id: 'm1' });
    const xml = '<sysmsg type="revokemsg"><revokemsg><session>r1</session><msgid>111</msgid>'
      + '<newmsgid>5566</newmsgid><replacemsg><![CDATA["张三" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>';
    const event = parseWechatyMessage(raw({ type: types.Message.Recalled, text: xml, roomId: undefined }));
    expect(event).toMatchObject({ type: 'recall', id: '5566', room: null });
  });

  it('is null when the original id is unknown', () => {
    expect(parseWechatyMessage(raw({ type: types.Message.Recalled, text: '"张三" 撤回了一条消息' }))).toBeNull();
  });
});
