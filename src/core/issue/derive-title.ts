import type { Locale, MessageKind } from '../types.js';
import { truncateText } from './truncate-text.js';

/** What a title is made from: an explicit title, else the first meaningful message. */
export interface TitleSource {
  messages: readonly { text: string; kind: MessageKind }[];
  title?: string;
  roomName: string;
  locale: Locale;
}

export const DERIVED_TITLE_MAX = 80;
/** GitHub's own limit on an issue title. */
export const EXPLICIT_TITLE_MAX = 256;

const ACKS = new Set([
  '好', '好的', '好滴', '好嘞', '好吧', '嗯', '嗯嗯', '哦', '噢', '喔', '收到', '谢谢', '多谢', '感谢', '谢了',
  '明白', '了解', '知道了', '懂了', '赞', '顶', '同', '同问', '同上', '对', '是', '是的', '没错', '确实', '可以',
  '行', '哈', '呵', '嘿', '在吗', '在', '大家好', '你好', '您好', '各位好', '早', '早上好', '晚上好', '晚安',
  '辛苦了', '辛苦', '1', '6', 'ok', 'okay', 'k', 'kk', 'thanks', 'thank', 'thankyou', 'thx', 'ty', 'lol',
  'hi', 'hello', 'hey', 'nice', 'cool', 'great', 'yes', 'yep', 'yeah', 'no', 'np', 'gotit', 'sure', 'up', 'mark',
]);
const MENTION = /(?<![A-Za-z0-9_])[@＠][^\s@＠]+\s?/gu;
const URL = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/giu;
// WeChat's inline emoji are bracketed names: [捂脸] [强].
const WECHAT_EMOJI = /\[[\u4e00-\u9fff]{1,4}\]/gu;
const PLACEHOLDER = /\[[^[\]\n]{1,40}\]/gu;
const SENTENCE_END = /\n|(?<=[。！？])|(?<=[.!?])(?=\s|$)/u;
const LEADING_FILLER = /^(?:(?:大家好|各位好|你好|您好|请问一下|请问|请教一下|请教|问一下|打扰一下|打扰了|麻烦问一下)[\s,，:：!！~～、。]*|(?:hi|hello|hey)(?: (?:all|everyone|guys|folks|there))?[\s,!:]+)/iu;
const EDGE_EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\s]+|(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\s])[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\s]+$/gu;
const TRAILING_PUNCTUATION = /(?<![\s。.!！,，;；:：~～…、])[\s。.!！,，;；:：~～…、]+$/u;

function isRepeatOf(s: string, word: string): boolean {
  return s.length % word.length === 0 && word.repeat(s.length / word.length) === s;
}

// Acks, greetings, emoji, placeholders and bare links say nothing an issue could be named after.
function isFiller(text: string): boolean {
  const core = text.replace(PLACEHOLDER, '').replace(URL, '').toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\p{Mn}\p{Me}\s]/gu, '');
  if (core === '') return true;
  for (const ack of ACKS) if (isRepeatOf(core, ack)) return true;
  return false;
}

function stripFillers(sentence: string): string {
  let s = sentence.replace(EDGE_EMOJI, '');
  for (let m = LEADING_FILLER.exec(s); m && m[0]; m = LEADING_FILLER.exec(s)) s = s.slice(m[0].length).trim();
  return s.replace(TRAILING_PUNCTUATION, '').replace(EDGE_EMOJI, '');
}

function titleOfMessage(text: string): string | undefined {
  const clean = text.replace(MENTION, '').replace(WECHAT_EMOJI, '');
  for (const sentence of clean.split(SENTENCE_END)) {
    const candidate = stripFillers(sentence).replace(/\s+/gu, ' ');
    if (!isFiller(candidate)) return candidate;
  }
  return undefined;
}

function fallback(roomName: string, locale: Locale): string {
  const room = roomName.replace(/\s+/gu, ' ').trim();
  if (locale === 'zh-CN') return room ? `群聊记录 ${room}` : '群聊记录';
  return room ? `Chat transcript from ${room}` : 'Chat transcript';
}

/**
 * The issue title: the explicit title on one line (cut to GitHub's 256), else the first sentence
 * of the first meaningful text message — skipping placeholders, acks, greetings, emoji and bare
 * links, dropping @mentions, emoji at either end, leading 大家好/请问/hi and trailing 。.! (a ？ stays) — cut to 80 code
 * points with `…`; else `群聊记录 ${roomName}` / `Chat transcript from ${roomName}`.
 */
export function deriveTitle(source: TitleSource): string {
  const explicit = source.title?.replace(/\s+/gu, ' ').trim();
  if (explicit) return truncateText(explicit, EXPLICIT_TITLE_MAX);
  for (const message of source.messages) {
    const title = message.kind === 'text' ? titleOfMessage(message.text) : undefined;
    if (title) return truncateText(title, DERIVED_TITLE_MAX);
  }
  return truncateText(fallback(source.roomName, source.locale), DERIVED_TITLE_MAX);
}
