import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../store.js';

type Table = CreateTableBuilder<string, never>;

/** rooms, members, messages (with edit history and topic history) and the outbox. */
export function initial(dialect: Dialect) {
  const withId = (table: Table): Table =>
    dialect === 'postgres'
      ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';

  async function up(db: Kysely<unknown>): Promise<void> {
    await withId(db.schema.createTable('rooms'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('topic', 'text')
      .addColumn('locale', 'text')
      .addColumn('repo', 'text')
      .addColumn('archive_public', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('rooms_platform_external_id', ['platform', 'external_id'])
      .execute();
    await withId(db.schema.createTable('room_topics'))
      .addColumn('room_id', ref, (c) => c.notNull().references('rooms.id'))
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'bigint', (c) => c.notNull())
      .execute();
    await withId(db.schema.createTable('members'))
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('role', 'text')
      .addColumn('archive_optout', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('members_platform_external_id', ['platform', 'external_id'])
      .execute();
    await withId(db.schema.createTable('messages'))
      .addColumn('room_id', ref, (c) => c.notNull().references('rooms.id'))
      .addColumn('sender_id', ref, (c) => c.notNull().references('members.id'))
      .addColumn('platform_msg_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('ts', 'bigint', (c) => c.notNull())
      .addColumn('reply_to', 'text')
      .addColumn('is_self', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('recalled_at', 'bigint')
      .addColumn('edited_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('messages_room_platform_msg_id', ['room_id', 'platform_msg_id'])
      .execute();
    await db.schema.createIndex('messages_room_ts').on('messages').columns(['room_id', 'ts', 'id']).execute();
    await withId(db.schema.createTable('message_revisions'))
      .addColumn('message_id', ref, (c) => c.notNull().references('messages.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('replaced_at', 'bigint', (c) => c.notNull())
      .execute();
    await withId(db.schema.createTable('outbox'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('room_id', ref, (c) => c.references('rooms.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('locked_until', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['outbox', 'message_revisions', 'messages', 'members', 'room_topics', 'rooms']) {
      await db.schema.dropTable(table).execute();
    }
  }

  return { up, down };
}
