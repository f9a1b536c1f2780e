import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../../core/logger.js';

export const GitHub = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof GitHub>;

export interface ClientOptions {
  apiUrl: string;
  log: Logger;
  /** Retries of 5xx and network errors inside one call (Octokit's retry plugin). */
  retries?: number;
  /** Milliseconds; the retry plugin waits (retryCount + 1)² × this between tries, throttling retry-after × this / 1000. */
  retryAfterBaseValue?: number;
  /** GitHub's advised request spacing and rate-limit waits; the outbox retries whatever it gives up. */
  throttle?: boolean;
  /** Longest rate-limit wait accepted inside a call, in seconds; longer waits go back to the outbox. */
  maxRateLimitWaitSeconds?: number;
}

type Auth = { token: string } | { appId: string; privateKey: string; installationId?: number };

export function createClient(options: ClientOptions, auth: Auth): GitHubClient {
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const onLimit = (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    options.log.warn({ retryAfter, method: request.method, url: request.url }, 'github: rate limited');
    return retryCount < 1 && retryAfter <= maxWait;
  };
  return new GitHub({
    baseUrl: options.apiUrl.replace(/\/$/, ''),
    userAgent: 'osschat',
    ...('token' in auth ? { auth: auth.token } : { authStrategy: createAppAuth, auth }),
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryAfterBaseValue ?? 1000 },
    throttle: { enabled: options.throttle ?? true, retryAfterBaseValue: options.retryAfterBaseValue ?? 1000, onRateLimit: onLimit, onSecondaryRateLimit: onLimit },
    log: { debug: () => undefined, info: () => undefined, warn: (message: string) => options.log.warn({}, message), error: (message: string) => options.log.error({}, message) },
  });
}

/** github.com's web address for api.github.com; GitHub Enterprise Server serves its API under /api/v3. */
export function webUrlOf(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/$/, '')}`;
}
