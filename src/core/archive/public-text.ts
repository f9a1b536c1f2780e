import type { MessageKind } from '../types.js';
import type { DisplayNames } from './display-names.js';
import { stripMessageControls } from '../text/strip-controls.js';
import { redact } from './redact.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text that renders predictably: broken UTF-16 becomes U+FFFD, direction overrides and control characters go. */
export function sanitizeText(text: string): string {
  // Narrower than the names' cleanLabel on purpose: a message keeps its lines, tabs and the zero-width joiners of its scripts and emoji.
  return stripMessageControls(text.replace(LONE_SURROGATE, '\ufffd'));
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
