import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { initial } from './migrations/0001-initial.js';
import { issueLinks } from './migrations/0002-issue-links.js';
import { subscriptions } from './migrations/0003-subscriptions.js';
import { faq } from './migrations/0004-faq.js';
import { threads } from './migrations/0005-threads.js';
import { installations } from './migrations/0007-installations.js';
import { archive } from './migrations/0006-archive.js';
import { tenants } from './migrations/0008-tenants.js';
import { archiveSearchRooms } from './migrations/0009-archive-search-rooms.js';
import { chatAuthorization } from './migrations/0010-chat-authorization.js';
import { forgeWrites } from './migrations/0011-forge-writes.js';
import { dashboardSessions } from './migrations/0012-dashboard-sessions.js';
import { admins } from './migrations/0013-admins.js';
import { forgePolling } from './migrations/0014-forge-polling.js';
import type { Dialect } from './store.js';

/** Every migration, in order; names sort in the order they must run. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return { '0001-initial': initial(dialect), '0002-issue-links': issueLinks(dialect), '0003-subscriptions': subscriptions(dialect), '0004-faq': faq(dialect), '0005-threads': threads(dialect), '0006-archive': archive(dialect), '0007-installations': installations(dialect), '0008-tenants': tenants(dialect), '0009-archive-search-rooms': archiveSearchRooms(dialect), '0010-chat-authorization': chatAuthorization(dialect), '0011-forge-writes': forgeWrites(dialect), '0012-dashboard-sessions': dashboardSessions(dialect), '0013-admins': admins(), '0014-forge-polling': forgePolling() };
}

async function migrator(db: Kysely<unknown>, dialect: Dialect): Promise<Migrator> {
  // Kysely looks for its tables in every schema: name ours, or a schema migrated alongside (tests, tenants) passes for this one.
  const schema = dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  return new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect, attempt = 1): Promise<string[]> {
  const { error, results }: MigrationResultSet = await (await migrator(db, dialect)).migrateToLatest();
  // Kysely's introspection reads every schema; one dropped meanwhile (another tenant, a test) fails it, and nothing ran yet.
  if ((error as { code?: string } | undefined)?.code === '3F000' && attempt < 3) return migrateToLatest(db, dialect, attempt + 1);
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  const all = await (await migrator(db, dialect)).getMigrations();
  return all.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}
