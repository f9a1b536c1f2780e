import type { ForgeEvent, ForgeFeature } from '../../../src/core/notify/forge-event.js';
import { mapGitHubEvent } from '../../../src/forge/github/map-event.js';

/** A payload, or a nested object of one, as the tests poke at it. */
export type Payload = Record<string, unknown>;

/** The nested object at `key`, typed for poking. */
export const at = (payload: Payload, key: string) => payload[key] as Payload;

/** The feature each forwarded event name belongs to. */
export const FEATURES: Readonly<Record<string, ForgeFeature>> = {
  issues: 'issues',
  issue_comment: 'comments',
  pull_request: 'pulls',
  pull_request_review: 'pulls',
  release: 'releases',
  discussion: 'discussions',
  discussion_comment: 'comments',
};

/** The mapped event; fails the test when the delivery is not mapped to one. */
export function eventOf(name: string, payload: unknown, deliveryId = 'delivery-1'): ForgeEvent {
  const result = mapGitHubEvent(name, deliveryId, payload);
  if (result.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

/** Why the delivery was ignored; fails the test when it was not. */
export function reasonOf(name: string, payload: unknown, deliveryId = 'delivery-1'): string {
  const result = mapGitHubEvent(name, deliveryId, payload);
  if (result.kind !== 'ignored') throw new Error(`expected ignored, got ${JSON.stringify(result)}`);
  return result.reason;
}
