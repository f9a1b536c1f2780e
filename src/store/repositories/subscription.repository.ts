import type { Kysely, Selectable } from 'kysely';
import type { ForgeFeature } from '../../core/notify/forge-event.js';
import type { Subscription, SubscriptionFilters } from '../../core/notify/subscription.js';
import type { Database, SubscriptionsTable } from '../schema.js';

type Db = Kysely<Database>;

export function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: Number(row.id),
    roomId: Number(row.room_id),
    repo: row.repo,
    features: JSON.parse(row.features) as ForgeFeature[],
    filters: JSON.parse(row.filters) as SubscriptionFilters,
  };
}

/** Creates the room's subscription to `repo`, or replaces its features and filters. */
export async function upsertSubscription(db: Db, input: Omit<Subscription, 'id'>, now = Date.now()): Promise<Subscription> {
  const values = { features: JSON.stringify(input.features), filters: JSON.stringify(input.filters), updated_at: now };
  await db
    .insertInto('subscriptions')
    .values({ room_id: input.roomId, repo: input.repo.toLowerCase(), created_at: now, ...values })
    .onConflict((conflict) => conflict.columns(['room_id', 'repo']).doUpdateSet(values))
    .execute();
  const row = await db.selectFrom('subscriptions').selectAll().where('room_id', '=', input.roomId).where('repo', '=', input.repo.toLowerCase()).executeTakeFirstOrThrow();
  return toSubscription(row);
}

export async function removeSubscription(db: Db, roomId: number, repo: string): Promise<boolean> {
  const result = await db.deleteFrom('subscriptions').where('room_id', '=', roomId).where('repo', '=', repo.toLowerCase()).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function subscriptionsOfRoom(db: Db, roomId: number): Promise<Subscription[]> {
  const rows = await db.selectFrom('subscriptions').selectAll().where('room_id', '=', roomId).orderBy('repo').execute();
  return rows.map(toSubscription);
}

export async function subscriptionsOfRepo(db: Db, repo: string): Promise<Subscription[]> {
  const rows = await db.selectFrom('subscriptions').selectAll().where('repo', '=', repo.toLowerCase()).orderBy('id').execute();
  return rows.map(toSubscription);
}

/** Records a webhook delivery; false when it was already recorded (a redelivery). */
export async function recordDelivery(db: Db, deliveryId: string, event: string, now = Date.now()): Promise<boolean> {
  const result = await db
    .insertInto('deliveries')
    .values({ delivery_id: deliveryId, event, received_at: now })
    .onConflict((conflict) => conflict.column('delivery_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
