import type { FaultSpec } from './fault-queue.js';
import { githubError, type Reply } from './reply.js';

const MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'We couldn’t respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.',
};

/** The answer a fault stands for, or undefined for faults that only delay or drop. */
export function faultReply(spec: FaultSpec, nowMs = Date.now()): Reply | undefined {
  if (spec.rateLimit === 'primary') return primaryRateLimit(nowMs);
  if (spec.rateLimit === 'secondary') return secondaryRateLimit(spec.rateLimitStatus ?? 403);
  if (spec.status) return githubError(spec.status, spec.message ?? MESSAGES[spec.status] ?? 'Error');
  return undefined;
}

function primaryRateLimit(nowMs: number): Reply {
  const reset = String(Math.ceil(nowMs / 1000) + 1);
  const reply = githubError(403, 'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID.');
  return { ...reply, headers: { ...rateLimitHeaders(nowMs), 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': reset } };
}

function secondaryRateLimit(status: 403 | 429): Reply {
  const message =
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';
  return { ...githubError(status, message), headers: { 'retry-after': '1' } };
}

/** The rate-limit headers GitHub sends with every answer. */
export function rateLimitHeaders(nowMs = Date.now()): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.ceil(nowMs / 1000) + 3600),
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
  };
}
