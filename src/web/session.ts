import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { Store } from '../store/store.js';
import { hashSessionId, newSessionId, sealToken, unsealToken } from './session-token.js';

/**
 * Who is signed in to the dashboard. The cookie carries only a random id; the row lives in the store (found by
 * the id's hash), so signing out ends the session in every web process and a copied cookie opens nothing after.
 */
export interface Session {
  /** The cookie's id: kept in memory for this request only (it unseals the GitHub token). */
  id: string;
  login: string;
  /** The tenant being administered, when the account administers several. */
  tenantId?: number;
  /** Sent back in every form: a request another site forges cannot know it. */
  csrf: string;
  sealedToken: string | null;
  expiresAt: Date;
}

export const SESSION_COOKIE = 'osschat_session';
const WEEK_MS = 7 * 24 * 3_600_000;
/** Activity is recorded at most this often: a page view need not write to the database. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionCookies {
  store: Store;
  secret: string;
  secure: boolean;
}

/** Opens a session for `login` (keeping the user's GitHub token sealed in the row), sets the cookie, sweeps expired rows. */
export async function startSession(c: Context, cookies: SessionCookies, login: string, githubToken: string | undefined, now = new Date()): Promise<void> {
  const id = newSessionId();
  const expiresAt = new Date(now.getTime() + WEEK_MS);
  await cookies.store.sessions.sweep(now);
  await cookies.store.sessions.create({
    idHash: hashSessionId(id), login, tenantId: null, csrf: randomBytes(24).toString('base64url'),
    sealedToken: githubToken ? sealToken(id, githubToken) : null, createdAt: now, lastSeenAt: now, expiresAt,
  });
  await setSignedCookie(c, SESSION_COOKIE, id, cookies.secret, { httpOnly: true, sameSite: 'Lax', path: '/', secure: cookies.secure, maxAge: WEEK_MS / 1000 });
}

export async function readSession(c: Context, cookies: Omit<SessionCookies, 'secure'>, now = new Date()): Promise<Session | undefined> {
  const id = await getSignedCookie(c, cookies.secret, SESSION_COOKIE);
  if (!id) return undefined;
  const idHash = hashSessionId(id);
  const row = await cookies.store.sessions.find(idHash, now);
  if (!row) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await cookies.store.sessions.touch(idHash, now);
  return { id, login: row.login, ...(row.tenantId === null ? {} : { tenantId: row.tenantId }), csrf: row.csrf, sealedToken: row.sealedToken, expiresAt: row.expiresAt };
}

/** The signed-in user's GitHub token, if the session kept one. */
export function githubTokenOf(session: Session): string | undefined {
  return session.sealedToken ? unsealToken(session.id, session.sealedToken) : undefined;
}

export async function switchTenant(store: Store, session: Session, tenantId: number): Promise<void> {
  await store.sessions.setTenant(hashSessionId(session.id), tenantId);
}

/** Deletes the session's row (the cookie, even copied, opens nothing afterwards) and the cookie. */
export async function endSession(c: Context, store: Store, session: Session | undefined): Promise<void> {
  if (session) await store.sessions.remove(hashSessionId(session.id));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Constant-time comparison of the form's token with the session's. */
export function csrfMatches(session: Session, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(session.csrf);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
