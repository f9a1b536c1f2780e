import type { Kysely } from 'kysely';

/**
 * Where polling each repository's events stopped (bots with no public address poll instead of
 * receiving webhooks): the newest event seen and the ETag of the last answer, so a restart neither
 * notifies again nor misses what happened while it was down.
 */
export function forgePolling() {
  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('forge_poll_cursors')
      .addColumn('forge', 'text', (c) => c.notNull())
      .addColumn('repo', 'text', (c) => c.notNull())
      .addColumn('etag', 'text')
      .addColumn('last_event_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('forge_poll_cursors_pk', ['forge', 'repo'])
      .execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('forge_poll_cursors').execute();
  }

  return { up, down };
}
