import { Hono } from 'hono';
import { silentLogger, type Logger } from '../../core/logger.js';

export interface HealthSource {
  /** Throws when the database does not answer. */
  pingDatabase(): Promise<void>;
  chatState(): string;
}

/** Status only: a probe is public, so the database error goes to the log (once per distinct error), never in the answer. */
export function healthRoutes(source: HealthSource, log: Logger = silentLogger): Hono {
  let lastError: string | undefined;
  return new Hono().get('/healthz', async (c) => {
    const chat = source.chatState();
    try {
      await source.pingDatabase();
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastError) log.error({ err: error }, 'healthz: the database does not answer');
      lastError = message;
      return c.json({ status: 'fail', database: 'unreachable', chat }, 503);
    }
    if (lastError !== undefined) log.info({}, 'healthz: the database answers again');
    lastError = undefined;
    const ok = chat !== 'failed' && chat !== 'stopped';
    return c.json({ status: ok ? 'ok' : 'degraded', database: 'ok', chat }, ok ? 200 : 503);
  });
}
