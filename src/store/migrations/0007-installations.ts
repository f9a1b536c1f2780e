import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/**
 * GitHub App installations and the repositories each can reach (kept by the `installation` and
 * `installation_repositories` webhooks), and an index of each room's waiting outbox jobs, which
 * workers of several processes consult to keep a room's jobs in order.
 */
export function installations(_dialect: Dialect) {
  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('installations')
      .addColumn('installation_id', 'bigint', (c) => c.primaryKey())
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('repository_selection', 'text', (c) => c.notNull())
      .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('installations_account').on('installations').column('account').execute();
    await db.schema
      .createTable('installation_repos')
      .addColumn('installation_id', 'bigint', (c) => c.notNull().references('installations.installation_id').onDelete('cascade'))
      .addColumn('repo', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('installation_repos_pk', ['installation_id', 'repo'])
      .execute();
    await db.schema.createIndex('installation_repos_repo').on('installation_repos').column('repo').execute();
    await db.schema
      .createIndex('outbox_room_waiting')
      .on('outbox')
      .columns(['room_id', 'id'])
      .where(sql.ref('status'), 'in', ['pending', 'running'])
      .execute();
    // Claims take the oldest waiting jobs; done ones pile up in front of them in the primary key.
    await db.schema.createIndex('outbox_waiting').on('outbox').column('id').where(sql.ref('status'), 'in', ['pending', 'running']).execute();
  }
  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('outbox_waiting').execute();
    await db.schema.dropIndex('outbox_room_waiting').execute();
    await db.schema.dropTable('installation_repos').execute();
    await db.schema.dropTable('installations').execute();
  }
  return { up, down };
}
