import type { Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/** The FAQ knowledge base, and the answers the bot gave (cooldown per room, votes). */
export function faq(dialect: Dialect) {
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';

  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('faq_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('questions', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('helpful', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('not_helpful', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    const answers = db.schema.createTable('faq_answers');
    await (dialect === 'postgres' ? answers.addColumn('id', 'bigserial', (c) => c.primaryKey()) : answers.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
      .addColumn('room_id', ref, (c) => c.notNull().references('rooms.id'))
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('faq_answers_room_entry').on('faq_answers').columns(['room_id', 'entry_id', 'answered_at']).execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('faq_answers').execute();
    await db.schema.dropTable('faq_entries').execute();
  }

  return { up, down };
}
