import type { MiddlewareHandler } from 'hono';
import { reportInlineScripts } from '../views/report-page.js';
import { scriptHash } from '../views/script-hash.js';

/** Pages whose inline scripts are allowed by hash; every other page runs no script at all. */
const SCRIPTED_SURFACES: { prefix: string; scripts: () => string[] }[] = [{ prefix: '/report/', scripts: reportInlineScripts }];

const hashes = new Map<string, string>();

/**
 * nosniff on every response; on HTML also a CSP per surface, no framing and a same-origin referrer.
 * `machineOnly` paths (the webhook) never answer HTML: their response is left as the route built it,
 * since touching its headers afterwards costs @hono/node-server's fast path (a third of webhook throughput).
 */
export function securityHeaders(machineOnly: (path: string) => boolean = () => false): MiddlewareHandler {
  return async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
    if (machineOnly(c.req.path)) return;
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
    c.res.headers.set('Content-Security-Policy', policyFor(c.req.path));
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('Referrer-Policy', 'same-origin');
  };
}

export function policyFor(path: string): string {
  const surface = SCRIPTED_SURFACES.find((candidate) => path.startsWith(candidate.prefix));
  const scripts = surface ? scriptSources(surface.prefix, surface.scripts) : "'none'";
  // Inline styles stay allowed: ECharts styles its tooltips with style attributes; scripts, frames and requests elsewhere do not.
  return [
    "default-src 'none'",
    `script-src ${scripts}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function scriptSources(key: string, scripts: () => string[]): string {
  let sources = hashes.get(key);
  if (!sources) {
    sources = scripts().map(scriptHash).join(' ');
    hashes.set(key, sources);
  }
  return sources;
}
