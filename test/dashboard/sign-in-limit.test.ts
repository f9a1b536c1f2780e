import { afterEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/web/server.js';
import { CookieJar, dashboardHarness, type Harness } from './dashboard-harness.js';

/**
 * Issue 14 item 17: the sign-in limiter counted login and callback and keyed on the socket address, so everyone
 * behind a reverse proxy shared one budget and was locked out. These requests go over a real socket from 127.0.0.1.
 */
describe('the sign-in limiter keys on the client, through a trusted proxy only', () => {
  let h: Harness;
  let server: RunningServer;
  const start = async (trustProxy: string[], attempts = 3) => {
    h = await dashboardHarness({ loginLimit: { attempts, windowMs: 60_000 }, trustProxy });
    server = await listen(h.app, '127.0.0.1', 0);
  };
  afterEach(async () => {
    await server?.close();
    await h?.close();
  });

  const login = (forwardedFor?: string) => fetch(`${server.url}/auth/login`, { redirect: 'manual', headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  /** The whole OAuth dance over the socket, every request to us carrying the proxy's X-Forwarded-For. */
  async function signInVia(forwardedFor: string, user: string): Promise<number> {
    const jar = new CookieJar();
    const headers = () => ({ 'x-forwarded-for': forwardedFor, cookie: jar.header() });
    const started = jar.take(await fetch(`${server.url}/auth/login?next=/dashboard/rooms`, { redirect: 'manual', headers: headers() }));
    if (started.status !== 302) return started.status;
    const authorize = new URL(started.headers.get('location')!);
    const form = new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), login: user });
    const approved = await fetch(`${h.github.url}/login/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    const callback = new URL(approved.headers.get('location')!);
    const done = jar.take(await fetch(`${server.url}${callback.pathname}${callback.search}`, { redirect: 'manual', headers: headers() }));
    if (done.status !== 302) return done.status;
    return (await fetch(`${server.url}/dashboard/rooms`, { redirect: 'manual', headers: headers() })).status;
  }

  it('lets 30 users behind a trusted proxy each sign in, and signs one user in again and again (a sign-in costs one attempt)', async () => {
    await start(['127.0.0.1']);
    const statuses = [];
    for (let i = 1; i <= 30; i++) statuses.push(await signInVia(`203.0.113.${i}`, `user${i}`));
    expect(statuses).toEqual(Array(30).fill(200));
    expect([await signInVia('203.0.113.1', 'user1'), await signInVia('203.0.113.1', 'user1')]).toEqual([200, 200]);
  });

  it('limits only the client that hammers, by its right-most untrusted address', async () => {
    await start(['127.0.0.1', '10.0.0.0/8']);
    const hammer = [];
    // The client may put anything left of what the proxy appends: the proxies' own entries are skipped, its forgery is not read.
    for (let i = 0; i < 5; i++) hammer.push((await login(`198.51.100.${i}, 203.0.113.66, 10.2.3.4`)).status);
    expect(hammer).toEqual([302, 302, 302, 429, 429]);
    expect((await login('203.0.113.67')).status).toBe(302);
    expect(await signInVia('203.0.113.68', 'bob')).toBe(200);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    await start(['10.0.0.0/8']);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(`203.0.113.${i}`)).status);
    expect(statuses).toEqual([302, 302, 302, 429, 429]);
    expect((await login()).status).toBe(429);
  });

  it('counts failed callbacks, so forged codes run out the same budget', async () => {
    await start([]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/auth/callback?code=x&state=y`, { redirect: 'manual' })).status);
    expect(statuses).toEqual([400, 400, 400, 400]);
    expect((await login()).status).toBe(429);
  });
});
