import type { Locale, MessageKind } from '../types.js';
import { revealBidiControls } from '../text/strip-controls.js';
import { escapeInline } from './escape-inline.js';
import { localTime } from './local-time.js';
import { neutraliseMarkdown } from './neutralise-markdown.js';
import { truncateText } from './truncate-text.js';

export interface TranscriptMessage {
  senderName: string;
  /** The text, or the readable placeholder of a non-text message (`[图片]`). */
  text: string;
  kind: MessageKind;
  ts: Date;
}

/** Longest message quoted whole, in code points; longer ones are cut with `…`. */
export const MESSAGE_MAX = 8000;

const WORDS = {
  'zh-CN': { unknown: '（未知）', empty: '（空消息）', none: '（没有消息）', omitted: (n: number) => `（还有 ${n} 条消息因长度限制未收录）` },
  en: { unknown: '(unknown)', empty: '(empty message)', none: '(no messages)', omitted: (n: number) => `(${n} more messages left out: the issue would be too long)` },
} as const;

// Blank lines become a bare `>` so the quote does not break.
function quote(text: string): string {
  return text.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
}

function renderMessage(message: TranscriptMessage, stamp: string, locale: Locale): string {
  const name = escapeInline(message.senderName) || WORDS[locale].unknown;
  const text = message.text.replace(/^\s*\n/u, '').trimEnd();
  const body = text ? neutraliseMarkdown(revealBidiControls(truncateText(text, MESSAGE_MAX))) : WORDS[locale].empty;
  return `**${name}** · ${stamp}\n\n${quote(body)}`;
}

/**
 * The messages in order, each as `**name** · time` over its quoted text. The first stamp has the
 * local date; later ones only when the date changes. Stops before `budget` characters, saying
 * how many messages were left out.
 */
export function renderTranscript(messages: readonly TranscriptMessage[], timeZone: string, locale: Locale, budget: number): string {
  if (messages.length === 0) return WORDS[locale].none;
  const blocks: string[] = [];
  let size = 0;
  let lastDate: string | undefined;
  for (const message of messages) {
    const at = localTime(message.ts, timeZone);
    const block = renderMessage(message, at.date === lastDate ? at.time : `${at.date} ${at.time}`, locale);
    if (size + block.length + 2 > budget && blocks.length > 0) break;
    blocks.push(block);
    size += block.length + 2;
    lastDate = at.date;
  }
  const left = messages.length - blocks.length;
  return left > 0 ? [...blocks, WORDS[locale].omitted(left)].join('\n\n') : blocks.join('\n\n');
}
