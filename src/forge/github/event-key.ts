import type { GitHubMapResult } from './map-event.js';
import { type Json, loginAt, numberAt, objectAt, textAt } from './map-json.js';

// Comments, reviews and releases have ids of their own; what happens to them happens once.
const OWN_ID: Readonly<Record<string, string>> = { issue_comment: 'comment', discussion_comment: 'comment', pull_request_review: 'review', release: 'release' };
const SUBJECT: Readonly<Record<string, string>> = { issues: 'issue', pull_request: 'pull_request', discussion: 'discussion' };
// An issue, PR or discussion is opened once; closing, labelling… may happen again, so those carry the time.
const ONCE = new Set(['opened', 'created']);

/**
 * What happened, named the same whether a webhook or the events API told of it: the id of the
 * comment, review or release, else the issue/PR/discussion number, the action, the subject's
 * `updated_at` and the label, assignee or reviewer. Undefined when the payload lacks them.
 */
export function forgeEventKey(name: string, payload: Json): string | undefined {
  const repo = textAt(objectAt(payload, 'repository'), 'full_name')?.toLowerCase();
  const action = textAt(payload, 'action');
  if (!repo || !action) return undefined;
  const own = OWN_ID[name];
  if (own) {
    const id = numberAt(objectAt(payload, own), 'id');
    return id === undefined ? undefined : `${repo}:${name}:${id}:${action}`;
  }
  const subject = objectAt(payload, SUBJECT[name] ?? '');
  const number = numberAt(subject, 'number');
  if (number === undefined) return undefined;
  if (ONCE.has(action)) return `${repo}:${name}#${number}:${action}`;
  const stamp = textAt(subject, 'updated_at');
  return stamp === undefined ? undefined : `${repo}:${name}#${number}:${action}:${stamp}:${detailOf(payload)}`;
}

function detailOf(payload: Json): string {
  return textAt(objectAt(payload, 'label'), 'name') ?? loginAt(payload, 'assignee') ?? loginAt(payload, 'requested_reviewer') ?? textAt(objectAt(payload, 'requested_team'), 'name') ?? '';
}

/** The mapped delivery with its event's key (see forgeEventKey), when it is an event. */
export function withEventKey(result: GitHubMapResult, name: string, payload: unknown): GitHubMapResult {
  if (result.kind !== 'event') return result;
  const key = forgeEventKey(name, payload as Json);
  return key === undefined ? result : { kind: 'event', event: { ...result.event, key } };
}
