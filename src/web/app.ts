import { Hono } from 'hono';
import { healthRoutes, type HealthSource } from './routes/health.js';
import { webhookRoutes, type WebhookDeps } from './routes/webhooks.js';

export interface WebDeps {
  health: HealthSource;
  webhooks?: WebhookDeps;
}

/** The HTTP surface; testable without a socket through `app.request()`. */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  app.route('/', healthRoutes(deps.health));
  if (deps.webhooks) app.route('/', webhookRoutes(deps.webhooks));
  return app;
}
