import type { Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/** Conversations: each message's thread parent and conversation (platform message ids, as the engine names them). */
export function threads(_dialect: Dialect) {
  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('messages').addColumn('conversation_id', 'text').execute();
    await db.schema.alterTable('messages').addColumn('thread_parent', 'text').execute();
    await db.schema.createIndex('messages_room_conversation').on('messages').columns(['room_id', 'conversation_id', 'id']).execute();
  }
  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('messages_room_conversation').execute();
    await db.schema.alterTable('messages').dropColumn('thread_parent').execute();
    await db.schema.alterTable('messages').dropColumn('conversation_id').execute();
  }
  return { up, down };
}
