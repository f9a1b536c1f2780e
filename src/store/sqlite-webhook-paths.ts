import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Subscription } from '../core/notify/subscription.js';
import type { FastPaths } from './kysely-store.js';
import { toSubscription } from './repositories/subscription.repository.js';
import type { SubscriptionsTable } from './schema.js';
import type { NewOutboxJob } from './store.js';
import { storableParameters } from './storable-text.js';

type WebhookPaths = Required<Pick<FastPaths, 'recordDelivery' | 'addJob' | 'subscriptionsOfRepo'>>;

/**
 * The webhook accept path on SQLite: the same statements the repositories build, prepared once
 * and run on the same connection (so they join the caller's transaction), instead of built and
 * compiled by Kysely for every delivery and every room.
 */
export function sqliteWebhookPaths(database: SqliteDatabase): WebhookPaths {
  const record = lazy(database, 'insert into deliveries (delivery_id, event, received_at) values (?, ?, ?) on conflict (delivery_id) do nothing');
  const add = lazy(
    database,
    `insert into outbox (kind, payload, idempotency_key, room_id, status, next_attempt_at, created_at, updated_at)
     values (?, ?, ?, ?, 'pending', ?, ?, ?) on conflict (idempotency_key) do nothing`,
  );
  const ofRepo = lazy(database, 'select * from subscriptions where repo = ? order by id');
  return {
    recordDelivery: (deliveryId: string, event: string, now = Date.now()) => record().run(deliveryId, event, now).changes > 0,
    addJob: (job: NewOutboxJob, now = Date.now()) =>
      add().run(job.kind, JSON.stringify(job.payload), job.idempotencyKey, job.roomId ?? null, job.runAt?.getTime() ?? now, now, now).changes > 0,
    subscriptionsOfRepo: (repo: string): Subscription[] => (ofRepo().all(repo.toLowerCase()) as Selectable<SubscriptionsTable>[]).map(toSubscription),
  };
}

/** A statement prepared on first use, whose text parameters are stored as PostgreSQL would store them (see storableText). */
function lazy(database: SqliteDatabase, sql: string): () => Pick<Statement, 'run' | 'all'> {
  let statement: Statement | undefined;
  const prepared = () => (statement ??= database.prepare(sql));
  const storable = { run: (...parameters: unknown[]) => prepared().run(...storableParameters(parameters)), all: (...parameters: unknown[]) => prepared().all(...storableParameters(parameters)) };
  return () => storable;
}
