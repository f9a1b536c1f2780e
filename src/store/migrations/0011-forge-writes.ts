import type { Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/**
 * What chat wrote to the forge on its members' behalf (an issue, a comment), one row per command
 * message accepted under the quotas: the count behind `issues.quota`, durable across restarts
 * and shared by every worker process.
 */
export function forgeWrites(dialect: Dialect) {
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';

  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('forge_writes')
      .addColumn('command_message_id', ref, (c) => c.primaryKey())
      .addColumn('room_id', ref, (c) => c.notNull())
      .addColumn('member_id', ref, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('forge_writes_member').on('forge_writes').columns(['member_id', 'at']).execute();
    await db.schema.createIndex('forge_writes_room').on('forge_writes').columns(['room_id', 'at']).execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('forge_writes').execute();
  }

  return { up, down };
}
