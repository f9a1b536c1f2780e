import type { Repositories } from '../../store/store.js';
import type { ForgeEvent } from './forge-event.js';
import type { InstallationChange } from '../installations/installation-change.js';
import { letsThrough, type Subscription } from './subscription.js';

export type Delivery =
  | { kind: 'event'; name: string; deliveryId: string; event: ForgeEvent }
  | { kind: 'installation'; name: string; deliveryId: string; change: InstallationChange }
  | { kind: 'ping' | 'ignored'; name: string; deliveryId: string; reason?: string };

export type Accepted = { status: 'accepted'; rooms: number } | { status: 'duplicate' } | { status: 'ignored' | 'ping'; reason: string };

// GitHub's closing keywords: a merged PR saying "Fixes #12" closes issue 12.
const CLOSING = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b/gi;

/** When a daily or weekly digest goes out, from now. */
export type DigestClock = (period: 'daily' | 'weekly') => Date;

/** Subscriptions the configuration gives for a repository (the database's, set in chat, win). */
export type ConfiguredSubscriptions = (tx: Repositories, repo: string) => Promise<Omit<Subscription, 'id'>[]>;

export interface AcceptOptions {
  digestAt: DigestClock;
  configured?: ConfiguredSubscriptions;
  /** Jobs keyed by what happened (ForgeEvent.key), not by delivery: with polling on, a webhook and a poll of one event notify once. */
  keyByEvent?: boolean;
}

/**
 * Records a verified delivery and, in the caller's transaction (several deliveries may share one),
 * one notification job per room that wants it: a redelivery changes nothing, and a crash after
 * this loses nothing.
 */
export async function acceptIn(tx: Repositories, delivery: Delivery, options: AcceptOptions): Promise<Accepted> {
  if (!(await tx.deliveries.record(delivery.deliveryId, delivery.name))) return { status: 'duplicate' };
  // The App's reach changed: kept so that binding a repository it cannot reach is refused with the install link.
  if (delivery.kind === 'installation') return tx.installations.apply(delivery.change).then(() => ({ status: 'accepted', rooms: 0 }));
  return delivery.kind === 'event' ? enqueueNotifications(tx, delivery.deliveryId, delivery.event, options) : { status: delivery.kind === 'ping' ? 'ping' : 'ignored', reason: delivery.reason ?? 'not forwarded' };
}

async function enqueueNotifications(tx: Repositories, deliveryId: string, event: ForgeEvent, options: AcceptOptions): Promise<Accepted> {
  const { digestAt } = options;
  const rooms = await roomsFor(tx, event, options.configured);
  const id = (options.keyByEvent && event.key) || deliveryId;
  for (const [roomId, digest] of rooms) {
    const kind = digest ? 'digest' : 'notify';
    await tx.outbox.add({ kind, payload: { event }, idempotencyKey: `${kind}:${id}:${roomId}`, roomId, ...(digest ? { runAt: digestAt(digest) } : {}) });
  }
  return { status: 'accepted', rooms: rooms.size };
}

/** The rooms that want the event, each with its digest period, or undefined for a live message. */
async function roomsFor(tx: Repositories, event: ForgeEvent, configured?: ConfiguredSubscriptions): Promise<Map<number, 'daily' | 'weekly' | undefined>> {
  const rooms = new Map<number, 'daily' | 'weekly' | undefined>();
  const stored = await tx.subscriptions.ofRepo(event.repo);
  const fromConfig = (await configured?.(tx, event.repo)) ?? [];
  const chosen = [...stored, ...fromConfig.filter((c) => !stored.some((s) => s.roomId === c.roomId))];
  for (const subscription of chosen) {
    if (letsThrough(subscription, event)) rooms.set(subscription.roomId, subscription.filters.digest);
  }
  // Closing the loop: a group that opened an issue hears at once when it is closed, subscribed or not.
  for (const number of closedIssues(event)) {
    for (const link of await tx.issueLinks.findByIssue(event.repo, number)) rooms.set(link.roomId, undefined);
  }
  return rooms;
}

function closedIssues(event: ForgeEvent): number[] {
  if (event.feature === 'issues' && event.action === 'closed' && event.number) return [event.number];
  if (event.name === 'pull_request' && event.action === 'merged') return [...(event.body ?? '').matchAll(CLOSING)].map((match) => Number(match[1]));
  return [];
}
