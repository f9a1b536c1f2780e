import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const PG_URL = process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUIRED = process.env.OSSCHAT_REQUIRE_POSTGRES === '1';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when PostgreSQL answers; fails the run instead when OSSCHAT_REQUIRE_POSTGRES=1 (CI). */
export async function postgresAvailable(suite: string): Promise<boolean> {
  if (await reachable()) return true;
  if (REQUIRED) throw new Error(`${suite}: PostgreSQL is required (OSSCHAT_REQUIRE_POSTGRES=1) but ${PG_URL} does not answer`);
  console.warn(`SKIPPED ${suite} on PostgreSQL: nothing answers at ${PG_URL}. Start PostgreSQL (or set OSSCHAT_TEST_POSTGRES_URL) to run them; CI sets OSSCHAT_REQUIRE_POSTGRES=1 to make them mandatory.`);
  return false;
}

/** A migrated store in a schema of its own, dropped by the returned cleanup. */
export async function freshPostgresStore(): Promise<{ store: Store; url: string; cleanup: () => Promise<void> }> {
  const schema = `osschat_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const store = await openStore(url);
  return {
    store,
    url,
    cleanup: async () => {
      await store.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

export async function freshSqliteStore(): Promise<{ store: Store; url: string; cleanup: () => Promise<void> }> {
  const store = await openStore(':memory:');
  return { store, url: ':memory:', cleanup: () => store.close() };
}

export type StoreFactory = () => Promise<{ store: Store; url: string; cleanup: () => Promise<void> }>;

/** The store implementations every contract suite runs over. */
export async function storeFactories(suite: string): Promise<[string, StoreFactory][]> {
  const factories: [string, StoreFactory][] = [['sqlite', freshSqliteStore]];
  if (await postgresAvailable(suite)) factories.push(['postgres', freshPostgresStore]);
  return factories;
}
