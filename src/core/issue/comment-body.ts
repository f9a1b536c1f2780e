import type { Locale, Member } from '../types.js';
import type { IssueSettings } from '../services.js';
import { cleanLabel, revealBidiControls } from '../text/strip-controls.js';
import { attributionName } from './attribution.js';
import { escapeInline } from './escape-inline.js';
import { markerOf } from './issue-marker.js';
import { neutraliseMarkdown } from './neutralise-markdown.js';
import { redactForForge } from './redact-for-forge.js';
import { truncateText } from './truncate-text.js';

export interface CommentSource {
  text: string;
  sender: Pick<Member, 'name' | 'externalId'>;
  /** The group's name; '' for a direct chat. */
  roomName: string;
  locale: Locale;
  redact: IssueSettings['redact'];
  /** Idempotency key, written as the hidden marker on the last line. */
  marker: string;
}

// Room names in credits are cut like names: a topic can be long, the credit stays one short line.
const ROOM_MAX = 64;

function credit(source: CommentSource): string {
  const who = escapeInline(attributionName(source.sender));
  const where = escapeInline(truncateText(cleanLabel(source.roomName), ROOM_MAX));
  if (source.locale === 'zh-CN') return `— ${who}${where ? ` 在「${where}」` : ''}通过 OSSChat 发表`;
  return `— ${who}${where ? ` in «${where}»` : ''} via OSSChat`;
}

/**
 * A chat reply as a forge comment: the text (redacted, markdown neutralised, nothing GitHub links
 * by itself left live), then the credit line, whose names are one escaped line each so no name
 * can fake a statement or hide the credit, then the hidden marker.
 */
export function commentBody(source: CommentSource): string {
  const text = neutraliseMarkdown(revealBidiControls(redactForForge(source.text, source.redact)));
  return `${text}\n\n${credit(source)}\n${markerOf(source.marker)}`;
}
