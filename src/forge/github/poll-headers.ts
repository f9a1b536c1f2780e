/** Response headers as Octokit gives them (lower-case names). */
export type Headers = Record<string, string | number | undefined>;

// GitHub asks to wait at least a minute after a secondary rate limit that names no time.
const SECONDARY_WAIT_MS = 60_000;

const seconds = (value: string | number | undefined): number | undefined => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** GitHub's X-Poll-Interval: the least time, in milliseconds, before the same list is asked for again. */
export function pollIntervalMs(headers: Headers | undefined): number | undefined {
  const value = seconds(headers?.['x-poll-interval']);
  return value === undefined ? undefined : value * 1000;
}

/** When an answer that used up the rate limit (X-RateLimit-Remaining: 0) lets requests go again. */
export function exhaustedUntil(headers: Headers | undefined): Date | undefined {
  if (String(headers?.['x-ratelimit-remaining']) !== '0') return undefined;
  const reset = seconds(headers?.['x-ratelimit-reset']);
  return reset === undefined ? undefined : new Date(reset * 1000);
}

/** When a rate-limited request (403 or 429) may be tried again: Retry-After, else the reset time, else a minute. */
export function rateLimitedUntil(headers: Headers | undefined, now: number): Date {
  const retryAfter = seconds(headers?.['retry-after']);
  if (retryAfter !== undefined) return new Date(now + retryAfter * 1000);
  return exhaustedUntil(headers) ?? new Date(now + SECONDARY_WAIT_MS);
}
