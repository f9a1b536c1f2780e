import type { Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/** Commands are marked on their message; issue_links remember which chat opened which issue. */
export function issueLinks(dialect: Dialect) {
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';

  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('messages').addColumn('command', 'text').execute();
    const table = db.schema.createTable('issue_links');
    const withId =
      dialect === 'postgres'
        ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
    await withId
      .addColumn('room_id', ref, (c) => c.notNull().references('rooms.id'))
      .addColumn('repo', 'text', (c) => c.notNull())
      .addColumn('issue_number', 'integer', (c) => c.notNull())
      .addColumn('issue_url', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('command_message_id', ref, (c) => c.notNull().unique().references('messages.id'))
      .addColumn('first_message_id', ref)
      .addColumn('last_message_id', ref)
      .addColumn('message_count', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('issue_links_repo_number').on('issue_links').columns(['repo', 'issue_number']).execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('issue_links').execute();
    await db.schema.alterTable('messages').dropColumn('command').execute();
  }

  return { up, down };
}
