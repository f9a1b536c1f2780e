import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { csrfMatches, endSession, readSession, startSession } from '../session.js';
import { trustedProxies } from './auth-client-address.js';
import { authorizeUrl, exchangeCode, fetchAccount } from './auth-github.js';
import { signInLimiter } from './auth-rate-limit.js';
import { baseUrlOf, type DashboardDeps } from './dashboard-deps.js';

const STATE_COOKIE = 'osschat_oauth';

/** Only our own dashboard pages are valid places to return to after sign-in. */
function safeNext(next: string | undefined): string {
  return next && /^\/dashboard(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(next) ? next : '/dashboard';
}

/**
 * `/auth/login` → GitHub → `/auth/callback` (state checked, code exchanged, `GET /user`) → session; `POST /auth/logout`.
 * The limiter counts sign-in starts and failed callbacks per client, so one successful sign-in costs one attempt.
 */
export function authRoutes(deps: DashboardDeps): Hono {
  const app = new Hono();
  const secure = () => baseUrlOf(deps).startsWith('https:');
  const callback = () => `${baseUrlOf(deps)}/auth/callback`;
  const limit = deps.loginLimit ?? { attempts: 20, windowMs: 10 * 60_000 };
  const limiter = signInLimiter(limit.attempts, limit.windowMs, trustedProxies(deps.trustProxy ?? []));
  app.get('/auth/login', async (c) => {
    const limited = limiter.take(c);
    if (limited) return limited;
    const state = randomBytes(16).toString('base64url');
    const value = `${state}|${safeNext(c.req.query('next'))}`;
    await setSignedCookie(c, STATE_COOKIE, value, deps.sessionSecret, { httpOnly: true, sameSite: 'Lax', path: '/auth', secure: secure(), maxAge: 600 });
    return c.redirect(authorizeUrl(deps.github, callback(), state));
  });
  app.get('/auth/callback', async (c) => {
    const limited = limiter.check(c);
    if (limited) return limited;
    const stored = await getSignedCookie(c, deps.sessionSecret, STATE_COOKIE);
    deleteCookie(c, STATE_COOKIE, { path: '/auth' });
    const [state, next] = stored ? stored.split('|') : [];
    const { code, state: returned } = c.req.query();
    const failed = (text: string, status: 400 | 401) => (limiter.take(c), c.text(text, status));
    if (!state || state !== returned || !code) return failed('sign-in expired or was not started here; start again at /auth/login\n', 400);
    const account = await signIn(deps, code, callback());
    if (!account) return failed('GitHub did not confirm the sign-in; start again at /auth/login\n', 401);
    await deps.store.tenants.ensureAccount(account.login, 'user', account.login);
    await startSession(c, { store: deps.store, secret: deps.sessionSecret, secure: secure() }, account.login, account.token);
    deps.log.info({ login: account.login }, 'dashboard sign-in');
    return c.redirect(safeNext(next));
  });
  app.post('/auth/logout', async (c) => logout(c, deps));
  return app;
}

/** The signed-in account and its user token (kept only in the server-side session row, never logged). */
async function signIn(deps: DashboardDeps, code: string, callback: string): Promise<{ login: string; token: string } | undefined> {
  try {
    const token = await exchangeCode(deps.github, code, callback, deps.fetch);
    const account = token ? await fetchAccount(deps.github, token, deps.fetch) : undefined;
    return account && token ? { login: account.login, token } : undefined;
  } catch (error) {
    deps.log.warn({ err: String(error) }, 'dashboard sign-in: GitHub did not answer');
    return undefined;
  }
}

async function logout(c: Context, deps: DashboardDeps): Promise<Response> {
  const session = await readSession(c, { store: deps.store, secret: deps.sessionSecret });
  const form = await c.req.parseBody();
  if (session && !csrfMatches(session, form._csrf)) return c.text('forbidden: stale or missing form token\n', 403);
  await endSession(c, deps.store, session);
  return c.redirect('/');
}
