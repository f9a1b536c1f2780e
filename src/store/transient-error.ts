/**
 * A failure that says nothing about the statement: the connection was cut (PostgreSQL restart,
 * failover, pg_terminate_backend) or SQLite stayed locked past its busy timeout. Nothing was
 * committed, so writing the same thing again is safe.
 */
export function isTransientError(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^(08|57P0[123])/.test(code) || code === 'SQLITE_BUSY' || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE') return true;
  return typeof e.message === 'string' && /connection terminated|connection (was )?(lost|closed)|timeout exceeded when trying to connect|client has encountered a connection error/i.test(e.message);
}
