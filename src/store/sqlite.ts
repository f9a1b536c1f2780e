import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { cachedStatements } from './cached-statements.js';
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
  database.pragma('busy_timeout = 5000');
  // Checkpoint every ~40 MB of WAL instead of every 4 MB: fewer syncs on a busy ingest.
  database.pragma('wal_autocheckpoint = 10000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(database) }) }), database };
}
