import type { Authenticator, Caller } from './authenticator.js';
import type { Urls } from './render-user.js';
import type { GitHubState } from './state.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when GitHub would refuse the request for a reason the schema cannot express. */
  violation?: string[];
}

export interface HandlerContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  caller: Caller;
  state: GitHubState;
  auth: Authenticator;
  urls: Urls;
  /** The request's full URL, for `Link` headers. */
  requestUrl: URL;
  /** Request headers, lower-case names (`if-none-match` for conditional requests). */
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => Reply;

export const DOCS_URL = 'https://docs.github.com/rest';

/** GitHub's error body: `{message, documentation_url, status}`. */
export function githubError(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { message, ...extra, documentation_url: DOCS_URL, status: String(status) } };
}

export const notFound = (): Reply => githubError(404, 'Not Found');

/** 422 "Validation Failed" with GitHub's per-field error list; also recorded as a violation. */
export function validationFailed(resource: string, field: string, code: string): Reply {
  return { ...githubError(422, 'Validation Failed', { errors: [{ resource, field, code }] }), violation: [`${resource}.${field}: ${code}`] };
}
