import { Hono } from 'hono';

export interface HealthSource {
  /** Throws when the database does not answer. */
  pingDatabase(): Promise<void>;
  chatState(): string;
}

export function healthRoutes(source: HealthSource): Hono {
  return new Hono().get('/healthz', async (c) => {
    const chat = source.chatState();
    try {
      await source.pingDatabase();
    } catch (error) {
      return c.json({ status: 'fail', database: 'unreachable', error: (error as Error).message, chat }, 503);
    }
    const ok = chat !== 'failed' && chat !== 'stopped';
    return c.json({ status: ok ? 'ok' : 'degraded', database: 'ok', chat }, ok ? 200 : 503);
  });
}
