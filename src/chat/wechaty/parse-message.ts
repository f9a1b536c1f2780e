import { types } from 'wechaty';
import type { ChatEvent, MemberRef, MessageKind, QuoteHint, RoomRef, RoomRole } from '../../core/types.js';

/** What the adapter reads from a Wechaty message before parsing: plain data, no SDK objects. */
export interface RawWechatyMessage {
  id: string;
  /** A Wechaty `types.Message` value. */
  type: number;
  /** `msg.text()`: the body of a text message; the original message id (or revoke XML) for a recall. */
  text: string;
  /** Absent for a direct (one-to-one) message. */
  roomId?: string;
  roomTopic?: string;
  talkerId: string;
  talkerName?: string;
  /** The talker's nickname in this room, which WeChat shows and quotes instead of the name. */
  talkerAlias?: string;
  /** The talker's role in this room (owner from the room's owner, admins from its admin list), when the puppet reports it. */
  talkerRole?: RoomRole;
  /** True when the bot itself sent the message. */
  self: boolean;
  /** True when the message @-mentions the bot. */
  mentionsSelf: boolean;
  date: Date;
  /** Attachment file name. */
  fileName?: string;
  /** Title of a shared link, mini program, chat history or group note. */
  title?: string;
  url?: string;
  /** Name on a shared contact card. */
  contactName?: string;
  /** Name of a shared location. */
  locationName?: string;
  /** For a recall: id of the recalled message, from `msg.toRecalled()`. */
  recalledId?: string;
}

export interface Placeholder {
  kind: MessageKind;
  text: string;
}

const M = types.Message;

function labelled(label: string, detail?: string): string {
  const d = detail?.trim();
  return d ? `[${label}: ${d}]` : `[${label}]`;
}

function linkText(raw: RawWechatyMessage): string {
  const detail = [raw.title, raw.url].filter((s) => s && s.trim()).join(' ');
  return labelled('链接', detail);
}

/** The kind and the readable Chinese placeholder of a non-text message. */
export function messagePlaceholder(raw: RawWechatyMessage): Placeholder {
  switch (raw.type) {
    case M.Image: return { kind: 'image', text: '[图片]' };
    case M.Attachment: return { kind: 'file', text: labelled('文件', raw.fileName) };
    case M.Url: return { kind: 'url', text: linkText(raw) };
    case M.Audio: return { kind: 'audio', text: '[语音]' };
    case M.Video: return { kind: 'video', text: '[视频]' };
    case M.Emoticon: return { kind: 'emoticon', text: '[表情]' };
    case M.MiniProgram: return { kind: 'mini-program', text: labelled('小程序', raw.title) };
    case M.Contact: return { kind: 'contact', text: labelled('名片', raw.contactName) };
    case M.Location: return { kind: 'location', text: labelled('位置', raw.locationName) };
    case M.ChatHistory: return { kind: 'chat-history', text: labelled('聊天记录', raw.title) };
    case M.Transfer: return { kind: 'transfer', text: '[转账]' };
    case M.RedEnvelope: return { kind: 'red-envelope', text: '[红包]' };
    case M.Post: return { kind: 'post', text: '[动态]' };
    case M.GroupNote: return { kind: 'post', text: labelled('群笔记', raw.title) };
    case M.Recalled: return { kind: 'system', text: '[撤回了一条消息]' };
    default: return { kind: 'unknown', text: '[未知消息]' };
  }
}

// 「name：quoted」, a line of spaced dashes, then the reply (wechat4u and the WeChat apps).
const QUOTE_RE = /^「([^\n:：]+?)[:：][ \t]*([\s\S]*?)」[ \t]*\r?\n[ \t]*-(?:[ \t]+-)+[ \t]*\r?\n([\s\S]*)$/;

/** Splits a WeChat quoted reply into the reply text and the quoted sender and text. */
export function parseQuote(text: string): { text: string; quote?: QuoteHint } {
  const match = QUOTE_RE.exec(text);
  if (!match) return { text };
  const [, senderName = '', quoted = '', reply = ''] = match;
  return { text: reply, quote: { senderName: senderName.trim(), text: quoted } };
}

// Wechaty puts the original id in the text; wechat4u leaves the revoke XML there instead.
function recalledIdOf(raw: RawWechatyMessage): string | undefined {
  if (raw.recalledId) return raw.recalledId;
  const xmlId = /<newmsgid>\s*(\d+)\s*<\/newmsgid>/.exec(raw.text) ?? /<msgid>\s*(\d+)\s*<\/msgid>/.exec(raw.text);
  if (xmlId) return xmlId[1];
  const bare = raw.text.trim();
  return bare && !/[\s<]/.test(bare) ? bare : undefined;
}

function roomOf(raw: RawWechatyMessage): RoomRef | null {
  if (!raw.roomId) return null;
  return raw.roomTopic ? { id: raw.roomId, topic: raw.roomTopic } : { id: raw.roomId };
}

function senderOf(raw: RawWechatyMessage): MemberRef {
  const name = raw.talkerAlias?.trim() || raw.talkerName?.trim();
  return { id: raw.talkerId, ...(name ? { name } : {}), ...(raw.talkerRole ? { role: raw.talkerRole } : {}) };
}

function bodyOf(raw: RawWechatyMessage): { kind: MessageKind; text: string; quote?: QuoteHint } {
  if (raw.type === M.Text) return { kind: 'text', ...parseQuote(raw.text) };
  return messagePlaceholder(raw);
}

/** Maps a raw Wechaty message to a chat event; `null` for a recall whose original id is unknown. */
export function parseWechatyMessage(raw: RawWechatyMessage): ChatEvent | null {
  const room = roomOf(raw);
  const from = senderOf(raw);
  if (raw.type === M.Recalled) {
    const id = recalledIdOf(raw);
    return id ? { type: 'recall', id, room, from, ts: raw.date } : null;
  }
  return {
    type: 'message', id: raw.id, room, from, ts: raw.date, ...bodyOf(raw),
    ...(raw.self ? { self: true } : {}),
    ...(raw.mentionsSelf ? { mentionsBot: true } : {}),
  };
}
