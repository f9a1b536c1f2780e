import { Hono } from 'hono';
import { healthRoutes, type HealthSource } from './routes/health.js';

export interface WebDeps {
  health: HealthSource;
}

/** The HTTP surface; testable without a socket through `app.request()`. */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  app.route('/', healthRoutes(deps.health));
  return app;
}
