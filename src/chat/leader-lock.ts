import pg from 'pg';
import type { Logger } from '../core/logger.js';

export interface Leadership {
  /** Gives the chat role up (a clean stop); the next standby takes it. */
  release(): Promise<void>;
}

export interface LeaderOptions {
  /** postgres://… of the shared database. */
  url: string;
  /** The bot account: one chat process per account. */
  account: string;
  log: Logger;
  /** How often a standby tries to take over. */
  pollMs?: number;
  /** Called when the lock's session is lost while leading: another process may lead now. */
  onLost: (reason: string) => void;
  signal?: AbortSignal;
}

// A session-level advisory lock, keyed by schema and account: it lives as long as this connection,
// so a leader that dies (even by SIGKILL) frees it when PostgreSQL sees the connection close.
const TRY_LOCK = "select pg_try_advisory_lock(hashtext('osschat.chat'), hashtext(current_schema() || '/' || $1)) as ok";

/** Resolves once this process holds the chat role for `account`; until then it waits as a hot standby. */
export async function waitForLeadership(options: LeaderOptions): Promise<Leadership> {
  const client = new pg.Client({ connectionString: options.url, keepAlive: true });
  await client.connect();
  let leading = false;
  let released = false;
  const lost = (reason: string) => {
    if (leading && !released) options.onLost(reason);
  };
  client.on('error', (error) => lost(error.message));
  client.on('end', () => lost('database connection closed'));
  try {
    await poll(client, options);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  leading = true;
  options.log.info({ account: options.account }, 'chat: leading');
  // A query now and then notices a dead connection even when nothing else uses it.
  const heartbeat = setInterval(() => void client.query('select 1').catch((error: Error) => lost(error.message)), 5000).unref();
  return {
    async release() {
      released = true;
      clearInterval(heartbeat);
      await client.end().catch(() => undefined);
    },
  };
}

async function poll(client: pg.Client, options: LeaderOptions): Promise<void> {
  let told = false;
  for (;;) {
    options.signal?.throwIfAborted();
    const { rows } = await client.query<{ ok: boolean }>(TRY_LOCK, [options.account]);
    if (rows[0]?.ok) return;
    if (!told) options.log.info({ account: options.account }, 'chat: another process leads; waiting as standby');
    told = true;
    await sleep(options.pollMs ?? 1000, options.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
