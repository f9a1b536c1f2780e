import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Locale } from '../../core/types.js';
import { csrfMatches, readSession } from '../session.js';
import { dashboardLabels } from '../views/dashboard-labels.js';
import { isSelfHostedAdmin, type DashboardDeps, type DashboardEnv } from './dashboard-deps.js';

const LANG_COOKIE = 'osschat_lang';

/** `?lang=` (remembered in a cookie), else the cookie, else the browser's Accept-Language: every page's language. */
export function pageLocale(c: Context): Locale {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'zh-CN') {
    setCookie(c, LANG_COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400 });
    return asked;
  }
  const kept = getCookie(c, LANG_COOKIE);
  if (kept === 'en' || kept === 'zh-CN') return kept;
  const accept = c.req.header('accept-language') ?? '';
  return /^\s*en/i.test(accept) ? 'en' : 'zh-CN';
}

function wantsPage(c: Context): boolean {
  return c.req.method === 'GET' && !c.req.path.startsWith('/dashboard/api/');
}

/**
 * Every /dashboard request: a signed-in session (pages redirect to sign-in, the rest get 401), the tenant it
 * administers (re-read from the database, so a removed admin loses access at once), and the form token on writes.
 */
export function dashboardGuard(deps: DashboardDeps): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const session = await readSession(c, { store: deps.store, secret: deps.sessionSecret });
    if (!session) {
      if (wantsPage(c)) return c.redirect(`/auth/login?next=${encodeURIComponent(c.req.path)}`);
      return c.json({ error: 'sign in first: /auth/login' }, 401);
    }
    const tenants = await deps.store.tenants.ofMember(session.login);
    const tenant = tenants.find((t) => t.id === session.tenantId) ?? tenants[0];
    if (!tenant) return c.json({ error: 'this account administers no community' }, 403);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const type = c.req.header('content-type') ?? '';
      const token = /form/.test(type) ? (await c.req.parseBody())._csrf : c.req.header('x-csrf-token');
      if (!csrfMatches(session, token)) return c.text('forbidden: stale or missing form token — reload the page and try again\n', 403);
    }
    const locale = pageLocale(c);
    c.set('session', session);
    c.set('tenants', tenants);
    c.set('tenant', tenant);
    c.set('selfHosted', isSelfHostedAdmin(deps, session.login));
    c.set('locale', locale);
    c.set('l', dashboardLabels(locale));
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
