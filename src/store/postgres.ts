import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { storablePool } from './storable-text.js';

const INT8 = 20;

export function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    // Ids and epoch-millisecond times are bigint columns; they fit a JS number exactly.
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  // A connection the server drops (restart, failover, pg_terminate_backend) is an 'error' event: unheard,
  // it kills the process. The query in flight fails (the outbox retries); the pool discards the client.
  pool.on('error', () => undefined);
  // The same drop while a client is checked out between queries is an 'error' on that client.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: storablePool(pool) }) });
}
