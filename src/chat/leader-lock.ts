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
  /** Called when the lock is lost while leading and another process took it meanwhile: this one must hand over. */
  onLost: (reason: string) => void;
  signal?: AbortSignal;
}

// A session-level advisory lock, keyed by schema and account: it lives as long as this connection,
// so a leader that dies (even by SIGKILL) frees it when PostgreSQL sees the connection close.
const TRY_LOCK = "select pg_try_advisory_lock(hashtext('osschat.chat'), hashtext(current_schema() || '/' || $1)) as ok";

/** Resolves once this process holds the chat role for `account`; until then it waits as a hot standby. */
export async function waitForLeadership(options: LeaderOptions): Promise<Leadership> {
  let client = new pg.Client({ connectionString: options.url, keepAlive: true });
  let leading = false;
  let released = false;
  let regaining = false;
  const lost = (from: pg.Client, reason: string) => {
    if (from !== client || !leading || released || regaining) return;
    regaining = true;
    void regain(reason).finally(() => (regaining = false));
  };
  const watch = (c: pg.Client) => {
    c.on('error', (error) => lost(c, error.message));
    c.on('end', () => lost(c, 'database connection closed'));
  };
  // A cut connection frees the lock, not the role: take it again, however long the database is away, unless another process did.
  async function regain(reason: string): Promise<void> {
    options.log.warn({ account: options.account, reason }, 'chat: lock connection lost; taking the lock again');
    void client.end().catch(() => undefined);
    const since = Date.now();
    let saidAt = since;
    while (!released) {
      const next = new pg.Client({ connectionString: options.url, keepAlive: true, connectionTimeoutMillis: 5000 });
      watch(next);
      try {
        await next.connect();
        const { rows } = await next.query<{ ok: boolean }>(TRY_LOCK, [options.account]);
        if (!rows[0]?.ok) {
          await next.end().catch(() => undefined);
          return options.onLost(`${reason}; another process leads now`);
        }
        client = next;
        options.log.info({ account: options.account, seconds: Math.round((Date.now() - since) / 1000) }, 'chat: leading again');
        return;
      } catch (error) {
        await next.end().catch(() => undefined);
        if (Date.now() - saidAt >= 30_000) {
          saidAt = Date.now();
          options.log.warn({ account: options.account, seconds: Math.round((Date.now() - since) / 1000), reason: (error as Error).message }, 'chat: the database is still away; still taking the lock again (chat events are kept)');
        }
        await sleep(500);
      }
    }
  }
  watch(client);
  await client.connect();
  try {
    await poll(client, options);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  leading = true;
  options.log.info({ account: options.account }, 'chat: leading');
  // A query now and then notices a dead connection even when nothing else uses it.
  const heartbeat = setInterval(() => {
    const c = client;
    void c.query('select 1').catch((error: Error) => lost(c, error.message));
  }, 5000).unref();
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
