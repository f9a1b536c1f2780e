import type { ForgeEvent } from '../../core/notify/forge-event.js';
import { type Json, labelNames, loginAt, numberAt, objectAt, textAt, webUrlAt } from './map-json.js';

/** What one event's handler reads from the payload; `action` only when it differs (merged). */
export type Draft = Pick<ForgeEvent, 'url' | 'labels'> &
  Partial<Pick<ForgeEvent, 'action' | 'number' | 'title' | 'body' | 'author' | 'detail' | 'onPullRequest'>>;

/** A handler's answer: the draft, or why the payload cannot be forwarded. */
export type DraftResult = Draft | string;

type Detail = NonNullable<ForgeEvent['detail']>;

/** The issue, PR or discussion at `key`: number, title and address are required. */
function readSubject(payload: Json, key: string): DraftResult {
  const subject = objectAt(payload, key);
  if (!subject) return `the payload has no ${key}`;
  const number = numberAt(subject, 'number');
  const title = textAt(subject, 'title');
  const url = webUrlAt(subject, 'html_url');
  if (number === undefined) return `${key}.number is missing`;
  if (title === undefined) return `${key}.title is missing`;
  if (url === undefined) return `${key}.html_url is missing`;
  return { number, title, url, body: textAt(subject, 'body'), labels: labelNames(subject), author: loginAt(subject, 'user') };
}

function withDetail(draft: Draft, field: keyof Detail, value: string | undefined, path: string): DraftResult {
  return value === undefined ? `${path} is missing` : { ...draft, detail: { [field]: value } };
}

// A comment or review is the subject: its address and text replace the issue's.
function withComment(draft: Draft, comment: Json | undefined, path: string): DraftResult {
  const url = webUrlAt(comment, 'html_url');
  return url === undefined ? `${path}.html_url is missing` : { ...draft, url, body: textAt(comment, 'body') };
}

/** issues: opened, closed, reopened, labeled (detail.label), assigned (detail.assignee). */
export function mapIssues(payload: Json, action: string): DraftResult {
  const issue = readSubject(payload, 'issue');
  if (typeof issue === 'string') return issue;
  // GitHub sends some issues events about PRs (milestoned, in the examples): pull_request events cover those.
  if (objectAt(payload, 'issue')?.['pull_request'] != null) return 'the issue is a pull request';
  if (action === 'labeled') return withDetail(issue, 'label', textAt(objectAt(payload, 'label'), 'name'), 'label.name');
  if (action === 'assigned') return withDetail(issue, 'assignee', loginAt(payload, 'assignee'), 'assignee.login');
  return issue;
}

/** issue_comment: created, on an issue or (`onPullRequest`) a PR. */
export function mapIssueComment(payload: Json): DraftResult {
  const issue = readSubject(payload, 'issue');
  if (typeof issue === 'string') return issue;
  const draft = withComment(issue, objectAt(payload, 'comment'), 'comment');
  const onPullRequest = objectAt(payload, 'issue')?.['pull_request'] != null;
  return typeof draft === 'string' || !onPullRequest ? draft : { ...draft, onPullRequest };
}

/** pull_request: opened, closed (`merged` when it was), reopened, ready_for_review, review_requested (detail.reviewer). */
export function mapPullRequest(payload: Json, action: string): DraftResult {
  const pull = readSubject(payload, 'pull_request');
  if (typeof pull === 'string') return pull;
  if (action === 'closed') return { ...pull, action: objectAt(payload, 'pull_request')?.['merged'] === true ? 'merged' : 'closed' };
  if (action !== 'review_requested') return pull;
  // A team can be asked instead of a person.
  const reviewer = loginAt(payload, 'requested_reviewer') ?? textAt(objectAt(payload, 'requested_team'), 'name');
  return withDetail(pull, 'reviewer', reviewer, 'requested_reviewer.login');
}

/** pull_request_review: submitted; the review's address, text and state (lower-case). */
export function mapReview(payload: Json): DraftResult {
  const pull = readSubject(payload, 'pull_request');
  if (typeof pull === 'string') return pull;
  const review = objectAt(payload, 'review');
  const state = textAt(review, 'state')?.toLowerCase();
  const draft = withComment(pull, review, 'review');
  if (typeof draft === 'string') return draft;
  return state === undefined ? 'review.state is missing' : { ...draft, detail: { reviewState: state } };
}

/** release: published; titled by its name, else its tag. */
export function mapRelease(payload: Json): DraftResult {
  const release = objectAt(payload, 'release');
  if (!release) return 'the payload has no release';
  const tag = textAt(release, 'tag_name');
  const url = webUrlAt(release, 'html_url');
  if (tag === undefined) return 'release.tag_name is missing';
  if (url === undefined) return 'release.html_url is missing';
  const title = textAt(release, 'name') ?? tag;
  return { title, url, body: textAt(release, 'body'), labels: [], author: loginAt(release, 'author'), detail: { tag } };
}

/** discussion: created, answered (the answer's address and text). */
export function mapDiscussion(payload: Json, action: string): DraftResult {
  const discussion = readSubject(payload, 'discussion');
  if (typeof discussion === 'string' || action !== 'answered') return discussion;
  const answer = objectAt(payload, 'answer');
  const url = webUrlAt(answer, 'html_url') ?? webUrlAt(objectAt(payload, 'discussion'), 'answer_html_url') ?? discussion.url;
  return { ...discussion, url, body: textAt(answer, 'body') };
}

/** discussion_comment: created. */
export function mapDiscussionComment(payload: Json): DraftResult {
  const discussion = readSubject(payload, 'discussion');
  return typeof discussion === 'string' ? discussion : withComment(discussion, objectAt(payload, 'comment'), 'comment');
}
