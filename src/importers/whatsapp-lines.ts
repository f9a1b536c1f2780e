import type { MessageKind } from '../core/types.js';

const MERIDIEM = '上午|下午|午前|午後|오전|오후';

/**
 * The dated first line of a message: `[25/12/2023, 10:00:00] Name: text` (iOS), `25/12/23, 10:00 -
 * Name: text` (Android), `2024/1/2 下午3:15 - 张三: text` (Chinese); 12- or 24-hour, the meridiem
 * after the time (`3:15 PM`, `3:15 下午`) or before it (`下午3:15`).
 */
export const WHATSAPP_HEADER = new RegExp(
  String.raw`^\u200e?\[?(?<a>\d{1,4})[./-](?<b>\d{1,2})[./-](?<c>\d{1,4}),?\s(?<before>${MERIDIEM})?(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?` +
    String.raw`(?:\s?(?<ap>[AaPp])\.?\s?[Mm]\.?|\s?(?<after>${MERIDIEM}))?(?:\] | - )(?<rest>.*)$`,
);

/** The named parts of a header line. */
export type HeaderParts = Partial<Record<'a' | 'b' | 'c' | 'before' | 'hour' | 'minute' | 'second' | 'ap' | 'after' | 'rest', string>>;

export function headerParts(line: string): HeaderParts | undefined {
  return WHATSAPP_HEADER.exec(line)?.groups;
}

const AFTERNOON = new Set(['p', 'P', '下午', '午後', '오후']);

/** The 24-hour hour of a header, or undefined when the hour is impossible. */
export function hourOf(parts: HeaderParts): number | undefined {
  const hour = Number(parts.hour);
  const meridiem = parts.before ?? parts.ap ?? parts.after;
  if (meridiem === undefined) return hour < 24 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  return (hour % 12) + (AFTERNOON.has(meridiem) ? 12 : 0);
}

/** What follows a header: a member's message, or a line of WhatsApp's own. */
export type WhatsAppBody = { type: 'message'; sender: string; text: string; kind: MessageKind } | { type: 'system' };

const LRM = '\u200e';
/**
 * A "sender" that is an event, not a name: the subject or description changed to a text holding
 * ": " (a line without ": " is an event anyway).
 */
const EVENT_AS_SENDER = / changed (the subject|the group description|this group's)|(更改|修改)了?(群组|此群组|本群组|主题|群名称)|將(群組|主旨)|已變更/;
/** Placeholders Android writes instead of a message's content (media left out of the export, deleted messages). */
const PLACEHOLDER = /^(<Media omitted>|<省略影音内容>|<已省略多媒體檔案>|This message was deleted|You deleted this message|此消息已删除|这条消息已删除|你删除了这条消息|此訊息已刪除|你已刪除此訊息)$/;
/** iOS marks its own lines with a left-to-right mark; these marked lines are still a member's content. */
const MARKED_CONTENT = /^(<attached: |<附件：|<已附加：?|Location: |位置：|POLL:)/;
const ATTACHED = /^<(?:attached: |附件：|已附加：?\s?)(.+)>$|^(.+\.\w{1,5}) \((?:file attached|文件附件|檔案已附加)\)$/;

/**
 * Splits the rest of a header line into sender and text, or tells a line of WhatsApp's own: an
 * Android line with no sender ("X added you"), an iOS line marked with U+200E (its events, and
 * its placeholders for media the export left out), an Android placeholder.
 */
export function whatsappBody(rest: string): WhatsAppBody {
  const colon = rest.indexOf(': ');
  if (colon < 0) return { type: 'system' };
  const sender = rest.slice(0, colon).replace(LRM, '');
  const raw = rest.slice(colon + 2);
  const text = raw.replace(/^\u200e/, '');
  if (EVENT_AS_SENDER.test(sender) || PLACEHOLDER.test(text)) return { type: 'system' };
  if (raw.startsWith(LRM) && !MARKED_CONTENT.test(text)) return { type: 'system' };
  const attached = ATTACHED.exec(text);
  if (attached) {
    const file = (attached[1] ?? attached[2])!;
    const kind = attachmentKind(file);
    return { type: 'message', sender, text: `[${kind}] ${file}`, kind };
  }
  return { type: 'message', sender, text, kind: text.startsWith('Location: ') || text.startsWith('位置：') ? 'location' : 'text' };
}

/** An attached file's kind, from WhatsApp's file names (`00000012-PHOTO-…jpg`, `STK-…webp`, `PTT-…opus`). */
function attachmentKind(file: string): MessageKind {
  if (/STICKER|^STK-/i.test(file)) return 'emoticon';
  const extension = /\.(\w+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if (['jpg', 'jpeg', 'png', 'heic', 'webp', 'gif'].includes(extension)) return 'image';
  if (['mp4', 'mov', '3gp', 'm4v'].includes(extension)) return 'video';
  if (['opus', 'ogg', 'm4a', 'mp3', 'aac', 'amr'].includes(extension)) return 'audio';
  return 'file';
}
