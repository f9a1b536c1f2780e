import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

/** Fixed-window limit per client address: sign-in attempts beyond `attempts` per `windowMs` get 429. */
export function loginRateLimit(attempts: number, windowMs: number, now: () => number = Date.now): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const at = now();
    const key = clientAddress(c);
    const window = windows.get(key);
    if (!window || at - window.start >= windowMs) {
      if (windows.size > 10_000) windows.clear();
      windows.set(key, { start: at, count: 1 });
    } else if (++window.count > attempts) {
      c.header('Retry-After', String(Math.ceil((window.start + windowMs - at) / 1000)));
      return c.text('too many sign-in attempts; try again later\n', 429);
    }
    await next();
  };
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
