import type { Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/** Webhook deliveries already accepted (GitHub redelivers), and room ↔ repository subscriptions. */
export function subscriptions(dialect: Dialect) {
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';

  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('deliveries')
      .addColumn('delivery_id', 'text', (c) => c.primaryKey())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('subscriptions')
      .addColumn('id', id, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('room_id', ref, (c) => c.notNull().references('rooms.id'))
      .addColumn('repo', 'text', (c) => c.notNull())
      .addColumn('features', 'text', (c) => c.notNull())
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('subscriptions_room_repo', ['room_id', 'repo'])
      .execute();
    await db.schema.createIndex('subscriptions_repo').on('subscriptions').column('repo').execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('subscriptions').execute();
    await db.schema.dropTable('deliveries').execute();
  }

  return { up, down };
}
