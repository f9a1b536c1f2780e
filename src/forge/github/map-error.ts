import { OsschatError } from '../../core/errors.js';

interface RequestErrorLike {
  status?: number;
  message?: string;
  name?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** Octokit's errors → our codes: what a person must fix versus what a retry may fix. */
export function mapGitHubError(error: unknown, action: string): OsschatError {
  const e = (error ?? {}) as RequestErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const detail = `${action}: GitHub answered ${status ?? e.name ?? 'no response'}${e.message ? ` (${e.message})` : ''}`;
  const make = (code: ConstructorParameters<typeof OsschatError>[0], retryable: boolean) => new OsschatError(code, detail, { retryable, cause: error });
  if (status === undefined || status >= 500 || status === 408) return make('forge-unavailable', true);
  if (isRateLimit(e)) return make('forge-rate-limited', true);
  if (status === 401) return make('forge-unauthorized', false);
  if (status === 403) return make('forge-forbidden', false);
  if (status === 404 || status === 410) return make('forge-not-found', false);
  return make('forge-invalid', false);
}

function isRateLimit(e: RequestErrorLike): boolean {
  if (e.status === 429) return true;
  const headers = e.response?.headers ?? {};
  return e.status === 403 && (String(headers['x-ratelimit-remaining']) === '0' || headers['retry-after'] !== undefined || /rate limit/i.test(e.message ?? ''));
}
