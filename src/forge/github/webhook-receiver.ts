import { Webhooks } from '@octokit/webhooks';
import type { ForgeEvent } from '../../core/notify/forge-event.js';
import { withEventKey } from './event-key.js';
import { mapGitHubEvent } from './map-event.js';

export interface WebhookRequest {
  body: string;
  signature: string | undefined;
  event: string | undefined;
  delivery: string | undefined;
}

export type Received =
  | { kind: 'unauthorized'; reason: string }
  | { kind: 'bad-request'; reason: string }
  | { kind: 'verified'; name: string; deliveryId: string; mapped: ReturnType<typeof mapGitHubEvent> };

export type ReceivedEvent = Extract<ReturnType<typeof mapGitHubEvent>, { kind: 'event' }> & { event: ForgeEvent };

/** Checks a GitHub delivery's signature (X-Hub-Signature-256) and reads it; never trusts an unsigned body. */
export function createGitHubWebhookReceiver(secret: string | undefined): (request: WebhookRequest) => Promise<Received> {
  const webhooks = secret ? new Webhooks({ secret }) : undefined;
  return async ({ body, signature, event, delivery }) => {
    if (!webhooks) return { kind: 'unauthorized', reason: 'no webhook secret is configured: set GITHUB_WEBHOOK_SECRET' };
    if (!signature) return { kind: 'unauthorized', reason: 'missing X-Hub-Signature-256' };
    if (!(await webhooks.verify(body, signature).catch(() => false))) return { kind: 'unauthorized', reason: 'signature does not match the webhook secret' };
    if (!event || !delivery) return { kind: 'bad-request', reason: 'missing X-GitHub-Event or X-GitHub-Delivery' };
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return { kind: 'bad-request', reason: 'body is not JSON (is the webhook content type application/json?)' };
    }
    return { kind: 'verified', name: event, deliveryId: delivery, mapped: withEventKey(mapGitHubEvent(event, delivery, payload), event, payload) };
  };
}
