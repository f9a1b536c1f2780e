import { Hono } from 'hono';
import { archiveRoutes } from './routes/archive.js';
import { dashboardRoutes } from './routes/dashboard.js';
import type { DashboardDeps } from './routes/dashboard-deps.js';
import type { ArchiveSource } from './routes/archive-source.js';
import { healthRoutes, type HealthSource } from './routes/health.js';
import { reportRoutes, type ReportSource } from './routes/report.js';
import { webhookRoutes, type WebhookDeps } from './routes/webhooks.js';

export interface WebDeps {
  health: HealthSource;
  webhooks?: WebhookDeps;
  /** Analytics reports of public rooms at /report/:room. */
  report?: ReportSource;
  /** The public archive at /archive/ (and /robots.txt). */
  archive?: ArchiveSource;
  /** Sign-in with GitHub and the admin dashboard at /dashboard (hosted mode). */
  dashboard?: DashboardDeps | undefined;
}

/** The HTTP surface; testable without a socket through `app.request()`. */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  app.route('/', healthRoutes(deps.health));
  if (deps.webhooks) app.route('/', webhookRoutes(deps.webhooks));
  if (deps.report) app.route('/', reportRoutes(deps.report));
  if (deps.archive) app.route('/', archiveRoutes(deps.archive));
  if (deps.dashboard) app.route('/', dashboardRoutes(deps.dashboard));
  return app;
}
