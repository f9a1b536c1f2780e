import type { ForgeEvent, ForgeFeature } from '../../core/notify/forge-event.js';
import {
  type DraftResult, mapDiscussion, mapDiscussionComment, mapIssueComment, mapIssues, mapPullRequest, mapRelease, mapReview,
} from './map-handlers.js';
import { type Json, isJson, loginAt, objectAt, textAt, withoutUndefined } from './map-json.js';
import type { InstallationChange } from '../../core/installations/installation-change.js';
import { mapInstallation } from './map-installation.js';

/** What a webhook delivery becomes: an event to route, a ping to acknowledge, or nothing (and why). */
export type GitHubMapResult =
  | { kind: 'event'; event: ForgeEvent }
  | { kind: 'ping' }
  | { kind: 'installation'; change: InstallationChange }
  | { kind: 'ignored'; reason: string };

interface Route {
  feature: ForgeFeature;
  actions: readonly string[];
  map: (payload: Json, action: string) => DraftResult;
}

// discussion_comment counts as 'comments': a group following only 'discussions' hears of new topics and answers, not every reply.
const ROUTES: ReadonlyMap<string, Route> = new Map([
  ['issues', { feature: 'issues', actions: ['opened', 'closed', 'reopened', 'labeled', 'assigned'], map: mapIssues }],
  ['issue_comment', { feature: 'comments', actions: ['created'], map: mapIssueComment }],
  ['pull_request', { feature: 'pulls', actions: ['opened', 'closed', 'reopened', 'ready_for_review', 'review_requested'], map: mapPullRequest }],
  ['pull_request_review', { feature: 'pulls', actions: ['submitted'], map: mapReview }],
  ['release', { feature: 'releases', actions: ['published'], map: mapRelease }],
  ['discussion', { feature: 'discussions', actions: ['created', 'answered'], map: mapDiscussion }],
  ['discussion_comment', { feature: 'comments', actions: ['created'], map: mapDiscussionComment }],
]);

const REPO = /^[^\s/]+\/[^\s/]+$/;

const ignored = (reason: string): GitHubMapResult => ({ kind: 'ignored', reason });

function readActor(payload: Json): ForgeEvent['actor'] | undefined {
  const login = loginAt(payload, 'sender');
  if (login === undefined) return undefined;
  return { login, isBot: textAt(objectAt(payload, 'sender'), 'type') === 'Bot' || login.endsWith('[bot]') };
}

function readRepo(payload: Json): string | undefined {
  const repo = textAt(objectAt(payload, 'repository'), 'full_name');
  return repo !== undefined && REPO.test(repo) ? repo : undefined;
}

function mapRouted(name: string, deliveryId: string, payload: Json, route: Route): GitHubMapResult {
  const action = textAt(payload, 'action');
  if (action === undefined) return ignored(`${name}: the payload has no action`);
  if (!route.actions.includes(action)) return ignored(`${name}.${action} is not forwarded`);
  const repo = readRepo(payload);
  const actor = readActor(payload);
  if (repo === undefined) return ignored(`${name}.${action}: repository.full_name is missing`);
  if (actor === undefined) return ignored(`${name}.${action}: sender.login is missing`);
  const draft = route.map(payload, action);
  if (typeof draft === 'string') return ignored(`${name}.${action}: ${draft}`);
  const event: ForgeEvent = { deliveryId, name, action, feature: route.feature, repo, actor, ...draft };
  return { kind: 'event', event: withoutUndefined(event) };
}

/**
 * Maps one GitHub webhook delivery (`X-GitHub-Event`, `X-GitHub-Delivery`, parsed body) to what
 * the core routes. Pure and total: it never throws; a payload it cannot read, or an event or
 * action OSSChat does not forward, comes back as `ignored` with a reason fit for the log.
 */
export function mapGitHubEvent(name: string, deliveryId: string, payload: unknown): GitHubMapResult {
  if (name === 'ping') return { kind: 'ping' };
  if ((name === 'installation' || name === 'installation_repositories') && isJson(payload)) {
    const change = mapInstallation(name, payload);
    return typeof change === 'string' ? ignored(change) : { kind: 'installation', change };
  }
  const route = ROUTES.get(name);
  if (route === undefined) return ignored(name ? `${name} events are not forwarded` : 'an event without a name is not forwarded');
  // Callers in plain JavaScript (or a missing header) may hand over anything.
  if (typeof deliveryId !== 'string' || deliveryId.trim() === '') return ignored(`${name}: the delivery has no id`);
  if (!isJson(payload)) return ignored(`${name}: the payload is not a JSON object`);
  return mapRouted(name, deliveryId, payload, route);
}
