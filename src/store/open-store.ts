import type { Kysely } from 'kysely';
import { redactSecrets } from '../logging/redact.js';
import { DATABASE_URL_FORMS, databaseUrlProblem } from './database-url.js';
import { createKyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrate.js';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import { OutageTracker } from './outage-tracker.js';
import { openSqlite, sqliteOutageHooks, sqlitePath, sqliteWhere } from './sqlite.js';
import { sqliteHistoryPages } from './sqlite-history-pages.js';
import { sqliteMessageInsert } from './sqlite-message-insert.js';
import { sqliteWebhookPaths } from './sqlite-webhook-paths.js';
import type { Dialect, Store } from './store.js';

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Opens the database named by `url` (SQLite path/URL or postgres://…), migrating it unless told not to. */
export async function openStore(url: string, options: { migrate?: boolean } = {}): Promise<Store> {
  const problem = databaseUrlProblem(url);
  if (problem) throw new Error(`database URL ${redactSecrets(url)}: ${problem}; expected ${DATABASE_URL_FORMS}`);
  const dialect = dialectOf(url);
  const sqlite = dialect === 'sqlite' ? openSqlite(url) : undefined;
  const db: Kysely<Database> = sqlite?.db ?? openPostgres(url);
  try {
    if (options.migrate !== false) await migrateToLatest(db as Kysely<unknown>, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // An in-memory database has no file a second connection could open: it reads through Kysely.
  const file = dialect === 'sqlite' && sqlitePath(url) !== ':memory:' ? sqlitePath(url) : undefined;
  const outages = sqlite ? new OutageTracker(sqliteWhere(url), sqliteOutageHooks(sqlite.database)) : new OutageTracker('PostgreSQL');
  const fast = sqlite && { insertMessages: sqliteMessageInsert(sqlite.database), ...sqliteWebhookPaths(sqlite.database), ...(file ? sqliteHistoryPages(file) : {}) };
  return createKyselyStore(db, dialect, fast, outages);
}
