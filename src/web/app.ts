import { Hono } from 'hono';
import { silentLogger, type Logger } from '../core/logger.js';
import { archiveRoutes } from './routes/archive.js';
import { dashboardRoutes } from './routes/dashboard.js';
import type { DashboardDeps } from './routes/dashboard-deps.js';
import type { ArchiveSource } from './routes/archive-source.js';
import { healthRoutes, type HealthSource } from './routes/health.js';
import { landingRoutes } from './routes/landing.js';
import { reportRoutes, type ReportSource } from './routes/report.js';
import { webhookRoutes, type WebhookDeps } from './routes/webhooks.js';
import { BODY_LIMIT_DEFAULTS, bodyLimit } from './middleware/body-limit.js';
import { errorHandler } from './middleware/error-handler.js';
import { securityHeaders } from './middleware/security-headers.js';

export interface WebDeps {
  health: HealthSource;
  webhooks?: WebhookDeps;
  /** Analytics reports of public rooms at /report/:room. */
  report?: ReportSource;
  /** The public archive at /archive/ (and /robots.txt). */
  archive?: ArchiveSource;
  /** Sign-in with GitHub and the admin dashboard at /dashboard (hosted mode). */
  dashboard?: DashboardDeps | undefined;
  /** Where request failures and health problems are logged (default: nowhere). */
  log?: Logger;
  /** Largest request bodies accepted, in bytes (default BODY_LIMIT_DEFAULTS). */
  limits?: { maxBodyBytes: number; maxWebhookBodyBytes: number };
}

/** The HTTP surface; testable without a socket through `app.request()`. */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  const log = deps.log ?? silentLogger;
  const limits = deps.limits ?? BODY_LIMIT_DEFAULTS;
  app.onError(errorHandler(log));
  app.use(securityHeaders((path) => path === deps.webhooks?.path));
  app.use(bodyLimit({ maxBytes: (path) => (path === deps.webhooks?.path ? limits.maxWebhookBodyBytes : limits.maxBodyBytes) }));
  app.route('/', healthRoutes(deps.health, log));
  if (deps.webhooks) app.route('/', webhookRoutes(deps.webhooks));
  if (deps.report) app.route('/', reportRoutes(deps.report));
  if (deps.archive) app.route('/', archiveRoutes(deps.archive, { reports: Boolean(deps.report) }));
  if (deps.dashboard) app.route('/', dashboardRoutes(deps.dashboard));
  app.route('/', landingRoutes({ archive: deps.archive, reports: Boolean(deps.report), dashboard: Boolean(deps.dashboard) }));
  return app;
}
