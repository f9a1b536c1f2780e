import type { Config } from '../config/schema.js';

interface FailedCall {
  name?: string;
  code?: unknown;
  message?: string;
  response?: unknown;
  cause?: FailedCall;
}

/** The doctor waits at most this long for one answer: github.timeoutMs, capped so a dead address fails fast. */
export function doctorTimeoutMs(config: Config): number {
  return Math.min(config.github.timeoutMs, 10_000);
}

/**
 * Why a request got no answer at all (refused, unknown host, timed out), or undefined when a server
 * answered. fetch and Octokit wrap the system error: its code is found on the causes.
 */
export function unreachableReason(error: unknown, timeoutMs: number): string | undefined {
  const failed = (error ?? {}) as FailedCall;
  if (failed.response !== undefined) return undefined;
  for (let cause: FailedCall | undefined = failed; cause; cause = cause.cause) {
    if (cause.name === 'TimeoutError' || cause.code === 'UND_ERR_CONNECT_TIMEOUT') return `no answer within ${timeoutMs} ms`;
    if (typeof cause.code === 'string') return cause.code;
  }
  return failed.name === 'TypeError' || failed.cause ? (failed.message ?? 'no answer') : undefined;
}
