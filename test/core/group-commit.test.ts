import { describe, expect, it } from 'vitest';
import { GroupCommit, WaitingFullError } from '../../src/core/group-commit.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Repositories, Store } from '../../src/store/store.js';
import { isTransientError } from '../../src/store/transient-error.js';

/** A store whose first `failures` transactions fail as PostgreSQL does when pg_terminate_backend cuts the connection. */
function cutStore(failures: number, code = '57P01'): { store: Store; transactions: () => number } {
  let transactions = 0;
  const store = {
    transaction: async <T>(work: (tx: Repositories) => Promise<T>) => {
      transactions += 1;
      if (transactions <= failures) throw Object.assign(new Error('terminating connection due to administrator command'), { code });
      return work({} as Repositories);
    },
    isTransient: isTransientError,
  } as unknown as Store;
  return { store, transactions: () => transactions };
}

const commit = (store: Store) => new GroupCommit<string, string>(store, silentLogger, { write: async (_tx, items) => items.map((item) => `ok ${item}`), maxBatch: 10, label: 'items' });

describe('GroupCommit under a lost database connection', () => {
  it('writes the batch again, so no item is lost', async () => {
    const { store, transactions } = cutStore(2);
    const batches = commit(store);
    await expect(Promise.all([batches.submit('a'), batches.submit('b')])).resolves.toEqual(['ok a', 'ok b']);
    expect(transactions()).toBe(3);
  });

  it('fails an item whose error is not transient, without writing it again', async () => {
    const { store, transactions } = cutStore(1, '23505');
    await expect(commit(store).submit('a')).rejects.toThrow(/administrator/);
    expect(transactions()).toBe(1);
  });
});

describe('GroupCommit while the database stays away', () => {
  it('keeps what it can hold and refuses the rest out loud, never dropping one silently', async () => {
    let down = true;
    const store = { transaction: async <T>(work: (tx: Repositories) => Promise<T>) => {
      if (down) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      return work({} as Repositories);
    }, isTransient: isTransientError } as unknown as Store;
    const said: string[] = [];
    const log = { ...silentLogger, error: (_fields: object, message: string) => void said.push(message) };
    const batches = new GroupCommit<string, string>(store, log as typeof silentLogger, { write: async (_tx, items) => items, maxBatch: 1, label: 'items', maxWaiting: 2 });
    const kept = ['a', 'b', 'c'].map((item) => batches.submit(item));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(batches.submit('d')).rejects.toBeInstanceOf(WaitingFullError);
    expect(said.some((line) => /2 items wait in memory \(the limit\): refused 1 so far — they are NOT stored/.test(line))).toBe(true);
    expect(said.some((line) => /terminating connection|does not answer|unavailable/.test(line))).toBe(true);
    down = false;
    await expect(Promise.all(kept)).resolves.toEqual(['a', 'b', 'c']);
  });
});

describe('isTransientError', () => {
  it('knows a cut connection and a long lock from a bad statement', () => {
    expect(isTransientError(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});
