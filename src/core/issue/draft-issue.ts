import type { IssueSettings } from '../services.js';
import { cleanLabel } from '../text/strip-controls.js';
import type { Locale } from '../types.js';
import { deriveTitle } from './derive-title.js';
import { escapeInline } from './escape-inline.js';
import { markerOf } from './issue-marker.js';
import { localTime } from './local-time.js';
import { redactForForge } from './redact-for-forge.js';
import { renderTranscript, type TranscriptMessage } from './render-transcript.js';

export { deriveTitle, type TitleSource } from './derive-title.js';
export { defuseAutolinks } from './defuse-autolinks.js';
export { findMarker, markerOf } from './issue-marker.js';
export { neutraliseMarkdown } from './neutralise-markdown.js';

export interface RelatedIssue {
  number: number;
  title: string;
  url: string;
}

/** Everything an issue drafted from chat is made of. */
export interface DraftInput {
  /** The transcript, oldest first. */
  messages: readonly TranscriptMessage[];
  /** Given in the command; otherwise derived from the messages. */
  title?: string;
  roomName: string;
  /** Display name of the member who asked. */
  requester: string;
  requestedAt: Date;
  /** IANA time zone the transcript's times are shown in, e.g. `Asia/Shanghai`. */
  timeZone: string;
  locale: Locale;
  /** OSSChat's version, shown in the footer. */
  version: string;
  /** Idempotency key, written as the hidden marker on the body's last line. */
  marker: string;
  /** Possible duplicates, listed in the footer. */
  related?: readonly RelatedIssue[];
  archiveUrl?: string;
  /** Personal data hidden in the title and transcript (secrets always are); both by default. */
  redact?: IssueSettings['redact'];
}

export interface IssueDraft {
  title: string;
  body: string;
}

/** GitHub refuses bodies over 65536 characters; stay well below. */
export const BODY_MAX = 60_000;

const safeUrl = (url: string) => url.trim().replace(/[\s<>()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function origin(input: DraftInput, when: string): string {
  const room = escapeInline(input.roomName);
  const who = escapeInline(input.requester);
  const version = escapeInline(input.version);
  if (input.locale === 'zh-CN') return `${room ? `来自群「${room}」` : '来自私聊'}，由 ${who} 于 ${when} 发起 · OSSChat ${version}`;
  return `${room ? `From the group "${room}"` : 'From a direct chat'}, requested by ${who} at ${when} · OSSChat ${version}`;
}

function footer(input: DraftInput): string {
  const at = localTime(input.requestedAt, input.timeZone);
  const zh = input.locale === 'zh-CN';
  const lines = [origin(input, `${at.date} ${at.time} (${at.offset})`)];
  if (input.related?.length) {
    const items = input.related.map((r) => `[#${r.number} ${escapeInline(r.title)}](${safeUrl(r.url)})`);
    lines.push(zh ? `可能相关：${items.join('、')}` : `Possibly related: ${items.join(', ')}`);
  }
  if (input.archiveUrl) lines.push(`${zh ? '聊天存档：' : 'Chat archive: '}${safeUrl(input.archiveUrl)}`);
  return lines.join('\n');
}

/** The title: explicit or derived ({@link deriveTitle}) from redacted text, on one clean line. */
function titleOf(input: DraftInput, messages: readonly TranscriptMessage[], hide: (text: string) => string): string {
  const title = input.title === undefined ? undefined : cleanLabel(hide(input.title));
  return cleanLabel(deriveTitle({ ...input, messages, title: title || undefined }));
}

/**
 * Drafts an issue from chat messages: a title (see {@link deriveTitle}), and a body holding the
 * transcript as quotes (times in `timeZone`, secrets and personal data redacted, mentions and
 * references defused, markdown neutralised), a footer
 * after a rule (group, requester, time, version, related issues, archive link) and, on the last
 * line, the hidden marker `<!-- osschat:${marker} -->`. Throws RangeError for an unknown time zone
 * or a marker key that is not letters, digits and `._:/+=-`.
 */
export function draftIssue(input: DraftInput): IssueDraft {
  const marker = markerOf(input.marker);
  const end = footer(input);
  const budget = BODY_MAX - end.length - marker.length - 16;
  const hide = (text: string) => redactForForge(text, input.redact ?? { phones: true, emails: true });
  const messages = input.messages.map((message) => ({ ...message, text: hide(message.text) }));
  const transcript = renderTranscript(messages, input.timeZone, input.locale, budget);
  return { title: titleOf(input, messages, hide), body: `${transcript}\n\n---\n\n${end}\n\n${marker}` };
}
