import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/**
 * The public archive's search index and its per-room sync state. SQLite: an FTS5 table over
 * jieba-segmented text (unicode61 finds every word, Chinese included); PostgreSQL: a tsvector
 * ('simple' configuration over the same segmented text) with a GIN index.
 */
export function archive(dialect: Dialect) {
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';
  async function up(db: Kysely<unknown>): Promise<void> {
    if (dialect === 'sqlite') {
      await sql`create virtual table archive_fts using fts5(body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    } else {
      await db.schema
        .createTable('archive_search')
        .addColumn('message_id', 'bigint', (c) => c.primaryKey())
        .addColumn('room_id', 'bigint', (c) => c.notNull())
        .addColumn('body', sql`tsvector`, (c) => c.notNull())
        .execute();
      await sql`create index archive_search_body on archive_search using gin (body)`.execute(db);
    }
    await db.schema
      .createTable('archive_search_state')
      .addColumn('room_id', ref, (c) => c.primaryKey().references('rooms.id'))
      .addColumn('last_message_id', 'bigint', (c) => c.notNull())
      .addColumn('synced_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_edited_at').on('messages').column('edited_at').execute();
  }
  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('messages_edited_at').execute();
    await db.schema.dropTable('archive_search_state').execute();
    await db.schema.dropTable(dialect === 'sqlite' ? 'archive_fts' : 'archive_search').execute();
  }
  return { up, down };
}
