import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Authenticator, type AppOptions, type TokenOptions } from './authenticator.js';
import { handleControl } from './control-api.js';
import { FaultQueue } from './fault-queue.js';
import { rateLimitHeaders } from './fault-reply.js';
import { handleCall, type CallDeps, type Outcome } from './handle-call.js';
import { loadSpec } from './openapi-spec.js';
import { OAuthWeb, type OAuthAppOptions } from './oauth-web.js';
import { createRouteMatcher, type RouteMatch } from './route-matcher.js';
import type { RepoAccessOptions } from './repo-permissions.js';
import { GitHubState } from './state.js';

export interface GitHubServerOptions {
  /** Repositories that exist, as `owner/name`; default `['octo/hello']`. */
  repos?: string[];
  /** Accepted personal tokens; default `['test-token']`. */
  tokens?: (string | TokenOptions)[];
  /** A GitHub App whose JWTs (RS256) are verified with `publicKeyPem`. */
  app?: AppOptions;
  /** Delay added to every answer. */
  latencyMs?: number;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Base of `html_url` links; default `https://github.com`. */
  htmlUrl?: string;
  /** Also check the fake's own 2xx answers against the documented schema (into `responseViolations`). */
  validateResponses?: boolean;
  now?: () => Date;
  /** Called as each API request arrives (body read, before it is handled): for latency benchmarks. */
  onRequest?: (request: RecordedRequest) => void;
  /** OAuth apps of the fake github.com web flow (`/login/oauth/*`, on the same server). */
  oauthApps?: OAuthAppOptions[];
  /** Users' roles on repositories (the owner is admin), and private repositories only they see. */
  access?: RepoAccessOptions;
  /** X-Poll-Interval of the events API, in seconds (GitHub: 60; 0 leaves it out); also `state.events.pollIntervalSeconds`. */
  pollIntervalSeconds?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Lower-case names; `authorization` keeps only its scheme (`token [redacted]`). */
  headers: Record<string, string>;
  operationId?: string;
  /** 0 when the connection was dropped by a fault. */
  status: number;
}

export interface Violation {
  method: string;
  path: string;
  errors: string[];
}

export interface GitHubServer {
  /** Base URL, e.g. `http://127.0.0.1:38211`: Octokit's `baseUrl`, `GITHUB_API_URL`. */
  url: string;
  state: GitHubState;
  requests: RecordedRequest[];
  /** Requests GitHub would refuse (unknown route, schema errors, GitHub-only rules). */
  violations: Violation[];
  /** The fake's own answers that break the documented schema (only with `validateResponses`). */
  responseViolations: Violation[];
  faults: FaultQueue;
  /** Clears state, faults, installation tokens and all records. */
  reset(): void;
  close(): Promise<void>;
}

interface Runtime {
  server: GitHubServer;
  options: GitHubServerOptions;
  auth: Authenticator;
  match: (method: string, path: string) => RouteMatch | undefined;
  oauth: OAuthWeb;
}

/** Starts a fake api.github.com on 127.0.0.1 that checks each request against GitHub's OpenAPI description. */
export async function createGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const now = options.now ?? (() => new Date());
  const auth = new Authenticator(options.tokens ?? ['test-token'], options.app, () => now().getTime());
  const state = new GitHubState(options.repos ?? ['octo/hello'], now, options.access, options.pollIntervalSeconds);
  const http = createServer((req, res) => {
    onRequest(runtime, req, res).catch((error: unknown) => send(res, { status: 500, body: { message: `fake GitHub failed: ${String(error)}` } }));
  });
  const server: GitHubServer = {
    url: '',
    state,
    requests: [],
    violations: [],
    responseViolations: [],
    faults: new FaultQueue(),
    reset() {
      state.reset();
      server.faults.clear();
      auth.forgetIssuedTokens();
      for (const list of [server.requests, server.violations, server.responseViolations]) list.length = 0;
    },
    close: () => new Promise((resolve) => http.close(() => resolve()).closeAllConnections()),
  };
  const oauth = new OAuthWeb(options.oauthApps ?? [], (token) => auth.addToken(token), () => now().getTime());
  const runtime: Runtime = { server, options, auth, match: createRouteMatcher(loadSpec()), oauth };
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return server;
}

async function onRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { server, options } = rt;
  const url = new URL(req.url ?? '/', server.url);
  const rawBody = await readBody(req);
  if (url.pathname.startsWith('/_fake/')) return send(res, handleControl(server, req.method ?? 'GET', url.pathname, rawBody));
  if (url.pathname.startsWith('/login/oauth/')) return sendWeb(res, rt, req, url, rawBody);
  const record = recordOf(req, url, rawBody);
  server.requests.push(record);
  options.onRequest?.(record);
  const outcome = await handleCall({ method: record.method, url, authorization: req.headers.authorization, rawBody, headers: record.headers }, callDeps(rt, record));
  if (options.latencyMs) await sleep(options.latencyMs);
  finish(res, record, outcome);
}

function callDeps({ server, options, auth, match }: Runtime, record: RecordedRequest): CallDeps {
  const where = { method: record.method, path: record.path };
  return {
    match,
    auth,
    state: server.state,
    faults: server.faults,
    urls: { api: server.url, html: options.htmlUrl ?? 'https://github.com' },
    validateResponses: options.validateResponses === true,
    violation: (errors) => server.violations.push({ ...where, errors }),
    responseViolation: (errors) => server.responseViolations.push({ ...where, errors }),
  };
}

function finish(res: ServerResponse, record: RecordedRequest, outcome: Outcome): void {
  record.operationId = outcome.operationId;
  if ('drop' in outcome) {
    res.socket?.destroy();
    return;
  }
  record.status = outcome.reply.status;
  send(res, { status: outcome.reply.status, body: outcome.reply.body, headers: { ...rateLimitHeaders(), ...outcome.reply.headers } });
}

function send(res: ServerResponse, reply: { status: number; body?: unknown; headers?: Record<string, string> }): void {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `FAKE:${Math.random().toString(16).slice(2, 10).toUpperCase()}`,
    ...reply.headers,
  });
  res.end(text);
}

/** The github.com web flow: recorded like API calls (operation `oauth`), answered as github.com does. */
function sendWeb(res: ServerResponse, rt: Runtime, req: IncomingMessage, url: URL, rawBody: string): void {
  const record = { ...recordOf(req, url, rawBody), operationId: 'oauth' };
  const reply = rt.oauth.handle(record.method, url, rawBody, req.headers['content-type'] ?? '');
  record.status = reply.status;
  rt.server.requests.push(record);
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

function recordOf(req: IncomingMessage, url: URL, rawBody: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
  if (headers.authorization) headers.authorization = `${headers.authorization.split(/\s+/)[0] ?? ''} [redacted]`;
  let body: unknown = rawBody || undefined;
  try {
    body = rawBody ? (JSON.parse(rawBody) as unknown) : undefined;
  } catch {
    // keep the raw text: the call itself reports the parse error
  }
  return { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body, headers, status: 0 };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
