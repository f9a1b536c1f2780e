import type { Context } from 'hono';
import type { PageFrame } from '../views/dashboard-layout.js';
import type { DashboardEnv } from './dashboard-deps.js';

export type DashboardContext = Context<DashboardEnv>;

/** The page frame of the signed-in admin. */
export function frameOf(c: DashboardContext, section: PageFrame['section'], flash?: string): PageFrame {
  const { csrf, login } = c.get('session');
  return { l: c.get('l'), locale: c.get('locale'), csrf, login, tenant: c.get('tenant'), tenants: c.get('tenants'), selfHosted: c.get('selfHosted'), section, ...(flash ? { flash } : {}) };
}

/** A positive integer path parameter, or undefined. */
export function idParam(c: DashboardContext, name: string): number | undefined {
  const value = c.req.param(name);
  return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

export function notFound(c: DashboardContext): Response {
  return c.text(`${c.get('l').notFound}\n`, 404);
}
