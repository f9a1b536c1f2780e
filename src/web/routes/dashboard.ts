import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { writeSession } from '../session.js';
import { authRoutes } from './auth.js';
import { baseUrlOf, type DashboardDeps, type DashboardEnv } from './dashboard-deps.js';
import { dashboardFaqRoutes } from './dashboard-faq.js';
import { dashboardGuard } from './dashboard-guard.js';
import { dashboardHealthRoutes } from './dashboard-health.js';
import { dashboardRoomsRoutes } from './dashboard-rooms.js';

/** Sign-in (`/auth/*`) and the admin dashboard (`/dashboard/*`), every page scoped to the signed-in tenant. */
export function dashboardRoutes(deps: DashboardDeps): Hono {
  const app = new Hono();
  app.route('/', authRoutes(deps));
  const dashboard = new Hono<DashboardEnv>();
  dashboard.use('/dashboard', secureHeaders(), dashboardGuard(deps));
  dashboard.use('/dashboard/*', secureHeaders(), dashboardGuard(deps));
  dashboard.get('/dashboard', (c) => c.redirect('/dashboard/rooms'));
  dashboard.post('/dashboard/tenant', async (c) => {
    const wanted = Number((await c.req.parseBody()).tenant);
    const tenant = c.get('tenants').find((t) => t.id === wanted);
    if (tenant) await writeSession(c, deps.sessionSecret, { ...c.get('session'), tenantId: tenant.id }, baseUrlOf(deps).startsWith('https:'));
    return c.redirect('/dashboard/rooms', 303);
  });
  dashboard.route('/', dashboardRoomsRoutes(deps.store, deps.bindCodeTtlMs));
  dashboard.route('/', dashboardFaqRoutes(deps.store, deps.faqIndex));
  dashboard.route('/', dashboardHealthRoutes(deps.store, deps.wake ?? (() => undefined)));
  app.route('/', dashboard);
  return app;
}
