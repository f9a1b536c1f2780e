import type { Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/**
 * Who may act in a group, remembered durably: each member's role per room (as the platform reports it,
 * read again when a command runs from the outbox), wrong bind codes (a back-off that survives a restart),
 * and FAQ votes keyed by member, so one member's repeated vote counts once even under retries.
 */
export function chatAuthorization(dialect: Dialect) {
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';

  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('room_members')
      .addColumn('room_id', ref, (c) => c.notNull().references('rooms.id'))
      .addColumn('member_id', ref, (c) => c.notNull().references('members.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('room_members_pk', ['room_id', 'member_id'])
      .execute();
    await db.schema
      .createTable('bind_code_failures')
      .addColumn('message_id', ref, (c) => c.primaryKey().references('messages.id'))
      .addColumn('room_id', ref, (c) => c.notNull().references('rooms.id'))
      .addColumn('member_id', ref, (c) => c.notNull().references('members.id'))
      .addColumn('failed_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('bind_code_failures_room').on('bind_code_failures').columns(['room_id', 'failed_at']).execute();
    await db.schema.createIndex('bind_code_failures_member').on('bind_code_failures').columns(['member_id', 'failed_at']).execute();
    await db.schema
      .createTable('faq_votes')
      .addColumn('entry_id', 'text', (c) => c.notNull().references('faq_entries.id').onDelete('cascade'))
      .addColumn('member_id', ref, (c) => c.notNull().references('members.id'))
      .addColumn('helpful', 'integer', (c) => c.notNull())
      .addColumn('voted_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('faq_votes_pk', ['entry_id', 'member_id'])
      .execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('faq_votes').execute();
    await db.schema.dropTable('bind_code_failures').execute();
    await db.schema.dropTable('room_members').execute();
  }

  return { up, down };
}
