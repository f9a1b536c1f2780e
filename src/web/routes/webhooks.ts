import { Hono } from 'hono';
import type { Accepted, Delivery } from '../../core/notify/accept-delivery.js';
import type { Logger } from '../../core/logger.js';
import type { Received, WebhookRequest } from '../../forge/github/webhook-receiver.js';

export interface WebhookDeps {
  path: string;
  receive: (request: WebhookRequest) => Promise<Received>;
  accept: (delivery: Delivery) => Promise<Accepted>;
  /** Tells the outbox worker that notifications wait. */
  wake: () => void;
  log: Logger;
}

/** GitHub webhooks: verified, recorded with their jobs in one transaction, answered at once. */
export function webhookRoutes(deps: WebhookDeps): Hono {
  const ignored = new Map<string, number>();
  return new Hono().post(deps.path, async (c) => {
    const received = await deps.receive({
      body: await c.req.text(),
      signature: c.req.header('x-hub-signature-256'),
      event: c.req.header('x-github-event'),
      delivery: c.req.header('x-github-delivery'),
    });
    if (received.kind !== 'verified') {
      deps.log.warn({ reason: received.reason, delivery: c.req.header('x-github-delivery') }, 'webhook refused');
      return c.json({ message: received.reason }, received.kind === 'unauthorized' ? 401 : 400);
    }
    const accepted = await deps.accept(toDelivery(received));
    if (accepted.status === 'duplicate') return c.json({ status: 'duplicate' }, 200);
    if (accepted.status === 'ignored') {
      ignored.set(received.name, (ignored.get(received.name) ?? 0) + 1);
      deps.log.debug({ event: received.name, reason: accepted.reason, ignoredSoFar: ignored.get(received.name) }, 'webhook ignored');
    }
    if (accepted.status === 'accepted' && accepted.rooms > 0) deps.wake();
    return c.json(accepted, 202);
  });
}

function toDelivery(received: Extract<Received, { kind: 'verified' }>): Delivery {
  const { name, deliveryId, mapped } = received;
  if (mapped.kind === 'event') return { kind: 'event', name, deliveryId, event: mapped.event };
  if (mapped.kind === 'ping') return { kind: 'ping', name, deliveryId };
  if (mapped.kind === 'installation') return { kind: 'installation', name, deliveryId, change: mapped.change };
  return { kind: 'ignored', name, deliveryId, reason: mapped.reason };
}
