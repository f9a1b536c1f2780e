import type { Database as BetterSqlite } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { storableParameters } from './storable-text.js';

const DEFAULT_LIMIT = 500;

/**
 * The connection as Kysely's SQLite driver sees it, preparing each SQL text once: its driver
 * otherwise prepares every query anew, which costs more than running it. Reuse is safe because
 * `all` and `run` finish before they return; `iterate` (streaming) keeps a statement busy
 * while the caller reads, so it always gets a statement of its own.
 */
export function cachedStatements(database: BetterSqlite, limit = DEFAULT_LIMIT): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = reusable(database, sql);
        // Oldest first: texts that vary (an `in (?, ?, …)` list per length) cannot grow it without bound.
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

function reusable(database: BetterSqlite, sql: string): SqliteStatement {
  const statement = database.prepare(sql);
  // SQLite ends the transaction itself on a full disk (SQLITE_FULL) or an I/O error: Kysely's rollback
  // after it would fail with "no transaction is active" and hide the error that says what happened.
  if (/^rollback$/i.test(sql)) return { reader: false, all: () => [], iterate: () => [][Symbol.iterator](), run: () => (database.inTransaction ? statement.run() : { changes: 0, lastInsertRowid: 0 }) };
  return {
    reader: statement.reader,
    // Text is stored as PostgreSQL would store it (see storableText): the two stores keep the same thing.
    all: (parameters) => statement.all(storableParameters(parameters)),
    run: (parameters) => statement.run(storableParameters(parameters)),
    iterate: (parameters) => database.prepare(sql).iterate(storableParameters(parameters)) as IterableIterator<unknown>,
  };
}
