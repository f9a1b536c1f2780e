import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { clearSession, csrfMatches, newSession, readSession, writeSession } from '../session.js';
import { authorizeUrl, exchangeCode, fetchAccount } from './auth-github.js';
import { loginRateLimit } from './auth-rate-limit.js';
import { baseUrlOf, type DashboardDeps } from './dashboard-deps.js';

const STATE_COOKIE = 'osschat_oauth';

/** Only our own dashboard pages are valid places to return to after sign-in. */
function safeNext(next: string | undefined): string {
  return next && /^\/dashboard(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(next) ? next : '/dashboard';
}

/** `/auth/login` → GitHub → `/auth/callback` (state checked, code exchanged, `GET /user`) → session; `POST /auth/logout`. */
export function authRoutes(deps: DashboardDeps): Hono {
  const app = new Hono();
  const secure = () => baseUrlOf(deps).startsWith('https:');
  const callback = () => `${baseUrlOf(deps)}/auth/callback`;
  const limit = deps.loginLimit ?? { attempts: 20, windowMs: 10 * 60_000 };
  const limiter = loginRateLimit(limit.attempts, limit.windowMs);
  app.get('/auth/login', limiter, async (c) => {
    const state = randomBytes(16).toString('base64url');
    const value = `${state}|${safeNext(c.req.query('next'))}`;
    await setSignedCookie(c, STATE_COOKIE, value, deps.sessionSecret, { httpOnly: true, sameSite: 'Lax', path: '/auth', secure: secure(), maxAge: 600 });
    return c.redirect(authorizeUrl(deps.github, callback(), state));
  });
  app.get('/auth/callback', limiter, async (c) => {
    const stored = await getSignedCookie(c, deps.sessionSecret, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, { path: '/auth' });
    const [state, next] = stored ? stored.split('|') : [];
    const { code, state: returned } = c.req.query();
    if (!state || state !== returned || !code) return c.text('sign-in expired or was not started here; start again at /auth/login\n', 400);
    const login = await signIn(deps, code, callback());
    if (!login) return c.text('GitHub did not confirm the sign-in; start again at /auth/login\n', 401);
    await deps.store.tenants.ensureAccount(login, 'user', login);
    await writeSession(c, deps.sessionSecret, newSession(login), secure());
    deps.log.info({ login }, 'dashboard sign-in');
    return c.redirect(safeNext(next));
  });
  app.post('/auth/logout', async (c) => logout(c, deps));
  return app;
}

async function signIn(deps: DashboardDeps, code: string, callback: string): Promise<string | undefined> {
  try {
    const token = await exchangeCode(deps.github, code, callback, deps.fetch);
    const account = token ? await fetchAccount(deps.github, token, deps.fetch) : undefined;
    return account?.login;
  } catch (error) {
    deps.log.warn({ err: String(error) }, 'dashboard sign-in: GitHub did not answer');
    return undefined;
  }
}

async function logout(c: Context, deps: DashboardDeps): Promise<Response> {
  const session = await readSession(c, deps.sessionSecret);
  const form = await c.req.parseBody();
  if (session && !csrfMatches(session, form._csrf)) return c.text('forbidden: stale or missing form token\n', 403);
  clearSession(c);
  return c.redirect('/');
}
