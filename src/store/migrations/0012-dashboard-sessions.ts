import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/**
 * Revocable dashboard sessions (the cookie carries only a random id; the row, found by the id's hash,
 * holds who is signed in) and the room's own archive opt-in, kept apart from the public switch so the
 * dashboard may turn publishing off at any time but on only where the room itself opted in.
 */
export function dashboardSessions(dialect: Dialect) {
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';

  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('dashboard_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('login', 'text', (c) => c.notNull())
      .addColumn('tenant_id', ref, (c) => c.references('tenants.id').onDelete('set null'))
      .addColumn('csrf', 'text', (c) => c.notNull())
      .addColumn('github_token', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dashboard_sessions_expires').on('dashboard_sessions').column('expires_at').execute();
    await db.schema.alterTable('rooms').addColumn('archive_opt_in', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // Only rooms no tenant owns were public by their own word or the operator's config; a tenant room may
    // have been switched on from the dashboard alone, so it keeps its state but must opt in again in-room.
    await sql`update rooms set archive_opt_in = archive_public where tenant_id is null`.execute(db);
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('rooms').dropColumn('archive_opt_in').execute();
    await db.schema.dropTable('dashboard_sessions').execute();
  }

  return { up, down };
}
