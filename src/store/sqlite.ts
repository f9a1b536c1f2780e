import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { cachedStatements } from './cached-statements.js';
import type { OutageHooks } from './outage-tracker.js';
import type { Database } from './schema.js';

/** `sqlite:PATH`, `sqlite://PATH`, `sqlite::memory:` or a plain path → a file path or `:memory:`. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/, '');
  return path === ':memory:' ? path : resolve(path);
}

export function openSqlite(url: string): { db: Kysely<Database>; database: SQLite.Database } {
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${BUSY_MS}`);
  // Checkpoint every ~40 MB of WAL instead of every 4 MB: fewer syncs on a busy ingest.
  database.pragma('wal_autocheckpoint = 10000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(database) }) }), database };
}

/** How long a write waits for another connection's lock: normally, and while the database is known to be unavailable. */
const BUSY_MS = 5000;
const BUSY_DURING_OUTAGE_MS = 200;

/**
 * What the SQLite connection does when an outage begins and ends. better-sqlite3 waits for a lock
 * on the event loop, so during an outage each retry waits briefly (the web server keeps answering);
 * after a full disk, the WAL is checkpointed and truncated so it does not keep the space just freed.
 */
export function sqliteOutageHooks(database: SQLite.Database): OutageHooks {
  return {
    onChange(outage, previous) {
      database.pragma(`busy_timeout = ${outage ? BUSY_DURING_OUTAGE_MS : BUSY_MS}`);
      if (!outage && previous?.kind === 'disk-full') database.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

/** The database as the log names it: the path as configured (never resolved against the working directory). */
export function sqliteWhere(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/, '');
}
