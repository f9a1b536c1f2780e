import type { FaultSpec } from './fault-queue.js';
import type { GitHubServer } from './server.js';
import type { NewIssue } from './state.js';

interface ControlReply {
  status: number;
  body?: unknown;
}

type ControlRoute = (server: GitHubServer, body: unknown) => ControlReply;

function snapshot(server: GitHubServer): ControlReply {
  const { state } = server;
  const repos = state.repoNames();
  return {
    status: 200,
    body: {
      repos,
      issues: repos.flatMap((r) => state.issues(r)),
      comments: repos.flatMap((r) => state.comments(r)),
      violations: server.violations,
      responseViolations: server.responseViolations,
      requests: server.requests,
      pendingFaults: server.faults.pending,
    },
  };
}

function queueFaults(server: GitHubServer, body: unknown): ControlReply {
  const specs = (Array.isArray(body) ? body : [body]) as FaultSpec[];
  server.faults.next(...specs);
  return { status: 200, body: { pending: server.faults.pending } };
}

function addIssue(server: GitHubServer, body: unknown): ControlReply {
  const { repo, ...issue } = body as NewIssue & { repo: string };
  if (!server.state.hasRepo(repo)) server.state.addRepo(repo);
  return { status: 201, body: server.state.addIssue(repo, issue) };
}

const ROUTES: Record<string, ControlRoute> = {
  'GET /_fake/state': snapshot,
  'POST /_fake/faults': queueFaults,
  'POST /_fake/issues': addIssue,
  'POST /_fake/reset': (server) => {
    server.reset();
    return { status: 200, body: {} };
  },
};

/** The test-only API under `/_fake/…`: no auth, no OpenAPI checks, not recorded. */
export function handleControl(server: GitHubServer, method: string, path: string, rawBody: string): ControlReply {
  const route = ROUTES[`${method.toUpperCase()} ${path}`];
  if (!route) return { status: 404, body: { message: `no control route ${method} ${path}`, routes: Object.keys(ROUTES) } };
  try {
    return route(server, rawBody ? (JSON.parse(rawBody) as unknown) : undefined);
  } catch (error) {
    return { status: 400, body: { message: error instanceof Error ? error.message : String(error) } };
  }
}
