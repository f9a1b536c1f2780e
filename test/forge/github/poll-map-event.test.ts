import { describe, expect, it } from 'vitest';
import { withEventKey } from '../../../src/forge/github/event-key.js';
import { mapGitHubEvent } from '../../../src/forge/github/map-event.js';
import { mapPolledEvent, pullNumberOf, type RepoEvent } from '../../../src/forge/github/poll-map-event.js';
import { EXAMPLES, HANDLED_ACTIONS, firstExample } from './examples.js';
import { type Payload, at } from './map-helpers.js';

const TYPES: Record<string, string> = {
  issues: 'IssuesEvent',
  issue_comment: 'IssueCommentEvent',
  pull_request: 'PullRequestEvent',
  pull_request_review: 'PullRequestReviewEvent',
  release: 'ReleaseEvent',
};

/** What the webhook path makes of a delivery (with the key it adds). */
function viaWebhook(name: string, payload: Payload) {
  const mapped = withEventKey(mapGitHubEvent(name, 'webhook-delivery', payload), name, payload);
  if (mapped.kind !== 'event') throw new Error(`not an event: ${JSON.stringify(mapped)}`);
  return mapped.event;
}

/**
 * The same happening as the repository events API lists it: no repository or sender (the item's
 * repo and actor instead), and for pull requests only the PR's number, id and branches.
 */
function asRepoEvent(name: string, payload: Payload, createdAt: string | null = '2026-11-24T02:00:00Z'): RepoEvent {
  const { repository, sender, installation: _i, organization: _o, enterprise: _e, ...rest } = structuredClone(payload);
  const pull = rest['pull_request'] as Payload | undefined;
  if (pull) rest['pull_request'] = { id: pull['id'], number: pull['number'], url: pull['url'], head: {}, base: {} };
  const actor = sender as Payload;
  return { id: '41000000001', type: TYPES[name]!, actor: { id: actor['id'], login: actor['login'] }, repo: { name: (repository as Payload)['full_name'] as string }, payload: rest, created_at: createdAt };
}

const polledOf = (name: string, payload: Payload, pull?: Payload, createdAt?: string) => mapPolledEvent(asRepoEvent(name, payload, createdAt), pull);

describe('an events API item maps to what its webhook maps to', () => {
  // The actions the events API lists (it has no labeled, assigned, ready_for_review or review_requested).
  const listed = ['opened', 'closed', 'reopened', 'created', 'published', 'submitted'];
  const cases = EXAMPLES.filter((e) => TYPES[e.name] && HANDLED_ACTIONS[e.name]!.includes(e.action) && listed.includes(e.action) && at(e.payload, 'sender')['type'] !== 'Bot');

  // Issues, comments, pull requests, reviews and releases: every kind polling reads.
  expect(new Set(cases.map((e) => e.name))).toEqual(new Set(Object.keys(TYPES)));

  it.each(cases.map((e) => [`${e.name}[${e.index}] ${e.action}`, e] as const))('%s', (_label, example) => {
    const payload = example.payload;
    const webhook = viaWebhook(example.name, payload);
    const pull = at(payload, 'pull_request');
    // The events API names the time it happened; the webhook's PR carried it as updated_at.
    const polled = polledOf(example.name, payload, pull, pull ? (pull['updated_at'] as string) : undefined);
    expect(polled).toEqual({ ...webhook, deliveryId: 'github-event:41000000001' });
    expect(polled!.key).toBeDefined();
  });

  it('keys a closing by the time it happened, so two closings of one issue are two events', () => {
    const closed = firstExample('issues', 'opened');
    Object.assign(closed, { action: 'closed' });
    Object.assign(at(closed, 'issue'), { state: 'closed', updated_at: '2026-11-24T02:00:00Z' });
    const again = structuredClone(closed);
    Object.assign(at(again, 'issue'), { updated_at: '2026-11-25T09:30:00Z' });
    expect(polledOf('issues', closed)!.key).toBe(viaWebhook('issues', closed).key);
    expect(polledOf('issues', closed)!.key).not.toBe(polledOf('issues', again)!.key);
  });

  it('leaves out what webhooks would not forward, and reads PRs only for PR events', () => {
    const push: RepoEvent = { id: '2', type: 'PushEvent', actor: { login: 'octocat' }, repo: { name: 'octo/hello' }, payload: { ref: 'refs/heads/main' }, created_at: null };
    expect(mapPolledEvent(push)).toBeUndefined();
    expect(pullNumberOf(push)).toBeUndefined();
    const opened = firstExample('pull_request', 'opened');
    expect(pullNumberOf(asRepoEvent('pull_request', opened))).toBe(at(opened, 'pull_request')['number']);
    // Without the fetched pull request (it was deleted), the minimal one lacks a title: skipped.
    expect(polledOf('pull_request', opened)).toBeUndefined();
  });
});
