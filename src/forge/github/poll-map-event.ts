import type { ForgeEvent } from '../../core/notify/forge-event.js';
import { withEventKey } from './event-key.js';
import { mapGitHubEvent } from './map-event.js';
import { type Json, isJson, numberAt, objectAt } from './map-json.js';

/** The events API types that stand for a webhook OSSChat forwards, by webhook name. */
const WEBHOOK_NAMES: Readonly<Record<string, string>> = {
  IssuesEvent: 'issues',
  IssueCommentEvent: 'issue_comment',
  PullRequestEvent: 'pull_request',
  PullRequestReviewEvent: 'pull_request_review',
  ReleaseEvent: 'release',
  DiscussionEvent: 'discussion',
};

/** One item of `GET /repos/{owner}/{repo}/events`, as far as polling reads it. */
export interface RepoEvent {
  id: string;
  type: string | null;
  actor: Json;
  repo: { name: string };
  payload: Json;
  created_at: string | null;
}

/** The events API names an event; a webhook delivery id it can never collide with. */
export const polledDeliveryId = (event: Pick<RepoEvent, 'id'>) => `github-event:${event.id}`;

/** The PR number an event needs the full pull request of: the events API gives only its number and branches. */
export function pullNumberOf(event: RepoEvent): number | undefined {
  const wanted = event.type === 'PullRequestEvent' || event.type === 'PullRequestReviewEvent';
  return wanted ? numberAt(objectAt(event.payload, 'pull_request'), 'number') : undefined;
}

/**
 * An events API item as the webhook it stands for, mapped as webhooks are (same routes, same
 * filters, same key): undefined for an event OSSChat does not forward. `pull` is the pull request
 * as fetched now; its `updated_at` becomes the event's time, which is what the webhook carried.
 */
export function mapPolledEvent(event: RepoEvent, pull?: Json): ForgeEvent | undefined {
  const name = WEBHOOK_NAMES[event.type ?? ''];
  if (!name || !isJson(event.payload)) return undefined;
  const payload: Json = { ...event.payload, repository: { full_name: event.repo.name }, sender: event.actor };
  if (pull) payload['pull_request'] = { ...pull, updated_at: event.created_at ?? pull['updated_at'] };
  const mapped = withEventKey(mapGitHubEvent(name, polledDeliveryId(event), payload), name, payload);
  return mapped.kind === 'event' ? mapped.event : undefined;
}
