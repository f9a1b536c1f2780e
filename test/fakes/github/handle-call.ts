import { setTimeout as sleep } from 'node:timers/promises';
import { accountHandlers } from './account-handlers.js';
import { isAuthFailure, type Authenticator, type Caller } from './authenticator.js';
import type { FaultQueue } from './fault-queue.js';
import { faultReply } from './fault-reply.js';
import { issueHandlers } from './issue-handlers.js';
import { githubError, notFound, type Handler, type Reply } from './reply.js';
import { validateRequest, validateResponse } from './request-validator.js';
import type { Urls } from './render-user.js';
import type { RouteMatch } from './route-matcher.js';
import { searchHandlers } from './search-handler.js';
import { eventHandlers } from './events-handler.js';
import type { GitHubState } from './state.js';

const HANDLERS: Record<string, Handler> = { ...issueHandlers, ...searchHandlers, ...accountHandlers, ...eventHandlers };

export interface Call {
  method: string;
  url: URL;
  authorization: string | undefined;
  rawBody: string;
  /** Lower-case names. */
  headers?: Record<string, string>;
}

export interface CallDeps {
  match: (method: string, path: string) => RouteMatch | undefined;
  auth: Authenticator;
  state: GitHubState;
  faults: FaultQueue;
  urls: Urls;
  validateResponses: boolean;
  violation: (errors: string[]) => void;
  responseViolation: (errors: string[]) => void;
}

/** What to do with a call: answer `reply`, or drop the connection. */
export type Outcome = { reply: Reply; operationId?: string } | { drop: true; operationId?: string };

/** GitHub's order: route (404), credentials (401), request shape (422), then the endpoint itself. */
export async function handleCall(call: Call, deps: CallDeps): Promise<Outcome> {
  const match = deps.match(call.method, call.url.pathname);
  if (!match) return refuse(deps, notFound(), [`no ${call.method} ${call.url.pathname} in GitHub's OpenAPI description`]);
  const operationId = match.operation.operationId;
  const caller = deps.auth.authenticate(call.authorization);
  if (isAuthFailure(caller)) return { reply: githubError(401, caller.message), operationId };
  const body = parseBody(call.rawBody);
  if (body instanceof Error) return refuse(deps, githubError(400, 'Problems parsing JSON'), ['body is not valid JSON'], operationId);
  const invalid = validateRequest(match, { params: match.params, query: call.url.searchParams, body });
  if (invalid) return refuse(deps, invalidReply(invalid.status, invalid.errors), invalid.errors, operationId);
  const fault = deps.faults.take(call.method, call.url.pathname);
  if (fault?.delayMs) await sleep(fault.delayMs);
  if (fault?.drop) return { drop: true, operationId };
  const faulted = fault && faultReply(fault);
  if (faulted) return { reply: faulted, operationId };
  const reply = answer(call, deps, match, caller, body);
  return fault?.dropAfter ? { drop: true, operationId } : { reply, operationId };
}

function answer(call: Call, deps: CallDeps, match: RouteMatch, caller: Caller, body: unknown): Reply {
  const handler = HANDLERS[match.operation.operationId];
  if (!handler) {
    deps.violation([`${match.operation.operationId} is valid on GitHub but not implemented by the fake`]);
    return githubError(501, `The fake GitHub does not implement ${match.operation.operationId}`);
  }
  const params = match.params;
  const ctx = { params, query: call.url.searchParams, body: (body ?? {}) as Record<string, unknown>, caller, requestUrl: call.url, headers: call.headers, ...deps };
  const reply = handler(ctx);
  if (reply.violation) deps.violation(reply.violation);
  if (deps.validateResponses && reply.status < 300) {
    const errors = validateResponse(match, reply.status, reply.body);
    if (errors.length > 0) deps.responseViolation(errors);
  }
  return reply;
}

function refuse(deps: CallDeps, reply: Reply, errors: string[], operationId?: string): Outcome {
  deps.violation(errors);
  return { reply, operationId };
}

function invalidReply(status: 404 | 422, errors: string[]): Reply {
  return status === 404 ? notFound() : githubError(422, `Invalid request.\n\n${errors.join('\n')}`);
}

function parseBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
