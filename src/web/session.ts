import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';

/** Who is signed in to the dashboard; kept in a signed cookie, so a server restart signs nobody out. */
export interface Session {
  login: string;
  /** The tenant being administered, when the account administers several. */
  tenantId?: number;
  /** Sent back in every form: a request another site forges cannot know it. */
  csrf: string;
  /** Epoch ms after which the session is refused. */
  exp: number;
}

export const SESSION_COOKIE = 'osschat_session';
const WEEK_MS = 7 * 24 * 3_600_000;

export function newSession(login: string, now = Date.now()): Session {
  return { login, csrf: randomBytes(24).toString('base64url'), exp: now + WEEK_MS };
}

export async function readSession(c: Context, secret: string, now = Date.now()): Promise<Session | undefined> {
  const raw = await getSignedCookie(c, secret, SESSION_COOKIE);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Session;
    return typeof session.login === 'string' && typeof session.csrf === 'string' && session.exp > now ? session : undefined;
  } catch {
    return undefined;
  }
}

export async function writeSession(c: Context, secret: string, session: Session, secure: boolean): Promise<void> {
  const value = Buffer.from(JSON.stringify(session)).toString('base64url');
  await setSignedCookie(c, SESSION_COOKIE, value, secret, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: WEEK_MS / 1000 });
}

export function clearSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Constant-time comparison of the form's token with the session's. */
export function csrfMatches(session: Session, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(session.csrf);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
