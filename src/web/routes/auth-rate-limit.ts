import type { Context } from 'hono';
import { clientAddress } from './auth-client-address.js';

/** Fixed-window count of sign-in attempts per client address. */
export interface SignInLimiter {
  /** Counts one attempt; a 429 answer when the client is over its budget. */
  take(c: Context): Response | undefined;
  /** A 429 answer when the client already went over its budget, without counting (a callback finishing an allowed start passes). */
  check(c: Context): Response | undefined;
}

export function signInLimiter(attempts: number, windowMs: number, trusted: (address: string) => boolean, now: () => number = Date.now): SignInLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const windowOf = (c: Context) => {
    const at = now();
    const key = clientAddress(c, trusted);
    let window = windows.get(key);
    if (!window || at - window.start >= windowMs) {
      if (windows.size > 10_000) windows.clear();
      window = { start: at, count: 0 };
      windows.set(key, window);
    }
    return { window, at };
  };
  const refuse = (c: Context, window: { start: number; count: number }, at: number) => {
    c.header('Retry-After', String(Math.ceil((window.start + windowMs - at) / 1000)));
    return c.text('too many sign-in attempts; try again later\n', 429);
  };
  return {
    take(c) {
      const { window, at } = windowOf(c);
      return ++window.count > attempts ? refuse(c, window, at) : undefined;
    },
    check(c) {
      const { window, at } = windowOf(c);
      return window.count > attempts ? refuse(c, window, at) : undefined;
    },
  };
}
