import type { DatabaseOutage } from './store.js';

const KEPT = 'messages are kept and will be written when';

/**
 * A failure that says nothing about the statement: the connection was cut (PostgreSQL restart,
 * failover, pg_terminate_backend), SQLite stayed locked past its busy timeout, or the disk is full.
 * Nothing was committed, so writing the same thing again is safe.
 */
export function isTransientError(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^(08|57P0[123])/.test(code) || code === 'SQLITE_BUSY' || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE') return true;
  if (isDiskFull(error)) return true;
  return typeof e.message === 'string' && /connection terminated|connection (was )?(lost|closed)|timeout exceeded when trying to connect|client has encountered a connection error/i.test(e.message);
}

/** SQLite's SQLITE_FULL, or PostgreSQL's disk_full (53100). */
function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_FULL' || code === '53100';
}

/** What a transient error means for the people waiting on it, in one log line; `where` names the database (never its password). */
export function outageOf(error: unknown, where: string): DatabaseOutage | undefined {
  if (!isTransientError(error)) return undefined;
  if (isDiskFull(error)) return { kind: 'disk-full', advice: `database: disk full at ${where} — free space; ${KEPT} space returns` };
  if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return { kind: 'locked', advice: `database: ${where} is locked by another process — end it or wait; ${KEPT} the lock is released` };
  return { kind: 'unreachable', advice: `database: ${where} does not answer (${(error as Error).message}) — start it or restore the network; ${KEPT} it answers again` };
}
