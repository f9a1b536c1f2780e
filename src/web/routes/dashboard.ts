import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { switchTenant } from '../session.js';
import { authRoutes } from './auth.js';
import type { DashboardDeps, DashboardEnv } from './dashboard-deps.js';
import { dashboardFaqRoutes } from './dashboard-faq.js';
import { dashboardGuard } from './dashboard-guard.js';
import { dashboardHealthRoutes } from './dashboard-health.js';
import { repoProver } from './dashboard-repo-proof.js';
import { dashboardRoomsRoutes } from './dashboard-rooms.js';
import { dashboardSelfHostedRoutes } from './dashboard-self-hosted.js';

/** Sign-in (`/auth/*`) and the admin dashboard (`/dashboard/*`), every page scoped to the signed-in tenant. */
export function dashboardRoutes(deps: DashboardDeps): Hono {
  const app = new Hono();
  app.route('/', authRoutes(deps));
  const dashboard = new Hono<DashboardEnv>();
  dashboard.use('/dashboard', secureHeaders(), dashboardGuard(deps));
  dashboard.use('/dashboard/*', secureHeaders(), dashboardGuard(deps));
  // An operator (dashboard.admins) lands on the installation's own rooms, anyone else on their community's.
  dashboard.get('/dashboard', (c) => c.redirect(c.get('selfHosted') ? '/dashboard/self-hosted' : '/dashboard/rooms'));
  dashboard.post('/dashboard/tenant', async (c) => {
    const wanted = Number((await c.req.parseBody()).tenant);
    const tenant = c.get('tenants').find((t) => t.id === wanted);
    if (tenant) await switchTenant(deps.store, c.get('session'), tenant.id);
    return c.redirect('/dashboard/rooms', 303);
  });
  dashboard.route('/', dashboardRoomsRoutes(deps.store, repoProver(deps), deps.bindCodeTtlMs));
  dashboard.route('/', dashboardFaqRoutes(deps.store, deps.faqIndex));
  dashboard.route('/', dashboardHealthRoutes(deps.store, deps.wake ?? (() => undefined)));
  dashboard.route('/', dashboardSelfHostedRoutes(deps.store, deps.selfHosted ?? (() => ({ admins: [], rooms: [] })), deps.wake ?? (() => undefined)));
  app.route('/', dashboard);
  return app;
}
