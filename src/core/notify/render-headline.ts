import { truncateText } from '../issue/truncate-text.js';
import type { Locale } from '../types.js';
import type { ForgeEvent } from './forge-event.js';
import { phrase, renderStrings, type RenderKey } from './render-strings.js';

/** Where a headline goes and how long it may be. */
export interface HeadlineOptions {
  /** Most code points in the line; the title is cut first. */
  max: number;
  /** Put before the phrase, e.g. `[owner/repo] `. */
  prefix?: string;
  /** Put after the title, e.g. the from-this-room marker. */
  suffix?: string;
}

const KEYS: Readonly<Record<string, RenderKey>> = {
  'issues.opened': 'issue.opened',
  'issues.closed': 'issue.closed',
  'issues.reopened': 'issue.reopened',
  'issues.labeled': 'issue.labeled',
  'issues.assigned': 'issue.assigned',
  'issue_comment.created': 'issue.commented',
  'pull_request.opened': 'pr.opened',
  'pull_request.closed': 'pr.closed',
  'pull_request.merged': 'pr.merged',
  'pull_request.reopened': 'pr.reopened',
  'pull_request.ready_for_review': 'pr.ready',
  'pull_request.review_requested': 'pr.reviewRequested',
  'release.published': 'release.published',
  'discussion.created': 'discussion.created',
  'discussion.answered': 'discussion.answered',
  'discussion_comment.created': 'discussion.commented',
};
const REVIEW_KEYS: Readonly<Record<string, RenderKey>> = {
  approved: 'review.approved',
  changes_requested: 'review.changesRequested',
  commented: 'review.commented',
};
// Titles may be cut, but never to fewer code points than this.
const TITLE_MIN = 12;

/** Text from a payload on one line: whitespace (newlines included) folded to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Z}\u200b]+/gu, ' ').trim();
}

const length = (text: string) => [...text].length;

function keyOf(event: ForgeEvent): RenderKey {
  if (event.name === 'issue_comment' && event.onPullRequest) return 'pr.commented';
  if (event.name === 'pull_request_review' && event.action === 'submitted') return REVIEW_KEYS[event.detail?.reviewState ?? ''] ?? 'review.other';
  if (event.name === 'issues' && event.action === 'assigned' && event.detail?.assignee === event.actor.login) return 'issue.selfAssigned';
  return KEYS[`${event.name}.${event.action}`] ?? 'event.other';
}

function paramsOf(event: ForgeEvent): Record<string, string | number> {
  const { label, assignee, reviewer, reviewState, tag } = event.detail ?? {};
  const words = { actor: event.actor.login, label, assignee, reviewer, state: reviewState?.replace(/_/g, ' '), tag, name: event.name, action: event.action };
  const params: Record<string, string | number> = Object.fromEntries(Object.entries(words).flatMap(([k, v]) => (v ? [[k, oneLine(v)]] : [])));
  if (event.number !== undefined) params['number'] = event.number;
  return params;
}

// A phrase whose parameter is missing falls back to the generic one rather than show `{label}`.
function phraseOf(event: ForgeEvent, locale: Locale): string {
  const params = paramsOf(event);
  const key = keyOf(event);
  const needs = [...renderStrings[locale][key].matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  if (key !== 'event.other' && needs.every((name) => params[name] !== undefined)) return phrase(locale, key, params);
  const ref = event.number === undefined ? '' : ` #${event.number}`;
  return phrase(locale, 'event.other', params) + ref;
}

function titleOf(event: ForgeEvent): string | undefined {
  const title = oneLine(event.title ?? '');
  // A release named after its tag would say the tag twice.
  return title === '' || title === event.detail?.tag ? undefined : title;
}

/**
 * One line saying who did what to which issue, PR, discussion or release, in `locale`:
 * `octocat 创建了工单 #12：标题` / `octocat opened issue #12: Title`. Plain text; the title is cut
 * (with `…`) so the whole line, prefix and suffix included, stays within `max` code points.
 */
export function renderHeadline(event: ForgeEvent, locale: Locale, options: HeadlineOptions): string {
  const head = (options.prefix ?? '') + phraseOf(event, locale);
  const suffix = options.suffix ?? '';
  const title = titleOf(event);
  const separator = phrase(locale, 'title.separator');
  const room = Math.max(TITLE_MIN, options.max - length(head) - length(separator) - length(suffix));
  const line = title === undefined ? head + suffix : head + separator + truncateText(title, room) + suffix;
  return length(line) <= options.max ? line : truncateText(line, options.max);
}
