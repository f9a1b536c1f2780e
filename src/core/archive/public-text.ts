import type { MessageKind } from '../types.js';
import type { DisplayNames } from './display-names.js';
import { redact } from './redact.js';

// Bidi overrides and isolates can reorder the page around a message; C0/C1 controls (but tab and newline) have no business there.
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text that renders predictably: broken UTF-16 becomes U+FFFD, direction overrides and control characters go. */
export function sanitizeText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE, '');
}

const KIND_LABELS: Partial<Record<MessageKind, { 'zh-CN': string; en: string }>> = {
  image: { 'zh-CN': '[图片]', en: '[image]' },
  file: { 'zh-CN': '[文件]', en: '[file]' },
  audio: { 'zh-CN': '[语音]', en: '[voice message]' },
  video: { 'zh-CN': '[视频]', en: '[video]' },
  emoticon: { 'zh-CN': '[表情]', en: '[sticker]' },
};

/** The message as the archive shows it: sanitized, redacted, names replaced; media as a label. */
export function publicText(kind: MessageKind, text: string, names: DisplayNames, locale: 'zh-CN' | 'en'): string {
  const label = KIND_LABELS[kind];
  if (label) return label[locale];
  return names.scrub(redact(sanitizeText(text)));
}
