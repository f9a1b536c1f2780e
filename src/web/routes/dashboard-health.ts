import { Hono } from 'hono';
import type { TenantScope } from '../../store/repositories/tenant.repository.js';
import type { Store } from '../../store/store.js';
import { healthPage, type HealthView } from '../views/dashboard-health.js';
import type { DashboardEnv } from './dashboard-deps.js';
import { frameOf, idParam, notFound } from './dashboard-frame.js';

/** Queue, failed jobs and deliveries of the scope's rooms (null: the rooms no tenant owns). */
export async function healthView(store: Store, tenantId: TenantScope): Promise<HealthView> {
  const [counts, failed, deliveries, rooms] = await Promise.all([
    store.tenants.jobCounts(tenantId), store.tenants.jobs(tenantId, 'failed'), store.tenants.deliveries(tenantId), store.tenants.rooms(tenantId),
  ]);
  return { counts, failed, deliveries, roomNames: new Map(rooms.map((room) => [room.id, room.topic ?? room.externalId])) };
}

/** `/dashboard/health` (page), `/dashboard/api/health` (JSON), `POST /dashboard/jobs/:id/retry`. */
export function dashboardHealthRoutes(store: Store, wake: () => void): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/dashboard/health', async (c) => {
    const retried = c.req.query('retried');
    const flash = retried && /^\d+$/.test(retried) ? `${c.get('l').retry}: #${retried}` : undefined;
    return c.html(healthPage(frameOf(c, 'health', flash), await healthView(store, c.get('tenant').id)));
  });
  app.get('/dashboard/api/health', async (c) => {
    const view = await healthView(store, c.get('tenant').id);
    const failed = view.failed.map((job) => ({ id: job.id, kind: job.kind, roomId: job.roomId, attempts: job.attempts, lastError: job.lastError }));
    return c.json({ queue: view.counts, failed, deliveries: view.deliveries });
  });
  app.post('/dashboard/jobs/:id/retry', async (c) => {
    const id = idParam(c, 'id');
    const job = id === undefined ? undefined : await store.tenants.job(c.get('tenant').id, id);
    if (!job) return notFound(c);
    if (await store.outbox.retry(job.id)) wake();
    return c.redirect(`/dashboard/health?retried=${job.id}`, 303);
  });
  return app;
}
