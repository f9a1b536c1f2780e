import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedStatements } from '../../src/store/cached-statements.js';

let database: SQLite.Database;
beforeEach(() => {
  database = new SQLite(':memory:');
  database.exec('create table t (n integer)');
});
afterEach(() => database.close());

describe('cachedStatements', () => {
  it('prepares each SQL text once and reuses the statement', () => {
    const cached = cachedStatements(database);
    const insert = cached.prepare('insert into t (n) values (?)');
    expect(cached.prepare('insert into t (n) values (?)')).toBe(insert);
    insert.run([1]);
    insert.run([2]);
    const select = cached.prepare('select n from t order by n');
    expect(select.reader).toBe(true);
    expect(insert.reader).toBe(false);
    expect(select.all([])).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('keeps at most `limit` statements, dropping the oldest', () => {
    const cached = cachedStatements(database, 2);
    const first = cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).not.toBe(first);
  });

  it('lets a query run while the same text is still being iterated', () => {
    const cached = cachedStatements(database);
    database.exec('insert into t (n) values (1), (2)');
    const select = cached.prepare('select n from t order by n');
    const seen: unknown[] = [];
    for (const row of select.iterate([])) seen.push(row, select.all([]).length);
    expect(seen).toEqual([{ n: 1 }, 2, { n: 2 }, 2]);
  });
});
