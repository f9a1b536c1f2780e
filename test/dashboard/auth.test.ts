import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE, CookieJar, dashboardHarness, getPage, postForm, signIn, type Harness } from './dashboard-harness.js';

describe('dashboard sign-in with GitHub OAuth', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await dashboardHarness();
  });
  afterEach(async () => h.close());

  it('redirects an anonymous visitor to sign-in and answers API calls and writes with 401', async () => {
    const page = await h.app.request('/dashboard/faq');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/auth/login?next=%2Fdashboard%2Ffaq');
    expect((await h.app.request('/dashboard/api/health')).status).toBe(401);
    expect((await h.app.request('/dashboard/jobs/1/retry', { method: 'POST' })).status).toBe(401);
  });

  it('sends the browser to the configured GitHub authorize page with a state bound to a cookie', async () => {
    const response = await h.app.request('/auth/login');
    const target = new URL(response.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(`${h.github.url}/login/oauth/authorize`);
    expect(target.searchParams.get('client_id')).toBe('Iv1.dashboardtest');
    expect(target.searchParams.get('redirect_uri')).toBe(`${BASE}/auth/callback`);
    expect(target.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(response.headers.get('set-cookie')).toMatch(/osschat_oauth=.*HttpOnly/i);
  });

  it('exchanges the code, looks the user up and opens a session for their own tenant', async () => {
    const alice = await signIn(h, 'alice');
    const exchange = h.github.requests.find((r) => r.path === '/login/oauth/access_token');
    expect(exchange?.status).toBe(200);
    const user = h.github.requests.find((r) => r.path === '/user');
    expect(user).toMatchObject({ status: 200, operationId: 'users/get-authenticated' });
    expect(h.github.violations).toEqual([]);
    const page = await getPage(h, alice, '/dashboard/rooms');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('alice');
    expect(await h.store.tenants.ofMember('alice')).toEqual([expect.objectContaining({ login: 'alice', kind: 'user' })]);
  });

  it('refuses a callback whose state does not match the cookie, and a forged or tampered session', async () => {
    const forged = await h.app.request('/auth/callback?code=abc&state=xyz');
    expect(forged.status).toBe(400);
    const alice = await signIn(h, 'alice');
    const tampered = alice.jar.header().replace(/osschat_session=([^;.]+)/, (_, value: string) => `osschat_session=${Buffer.from(JSON.stringify({ login: 'bob', csrf: 'x', exp: Date.now() + 1e9 })).toString('base64url')}${value.slice(0, 0)}`);
    const response = await h.app.request('/dashboard/api/health', { headers: { cookie: tampered } });
    expect(response.status).toBe(401);
  });

  it('refuses a code GitHub does not confirm', async () => {
    const jar = new CookieJar();
    const start = jar.take(await h.app.request('/auth/login'));
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const response = await h.app.request(`/auth/callback?code=not-a-code&state=${state}`, { headers: { cookie: jar.header() } });
    expect(response.status).toBe(401);
  });

  it('requires the form token on every write (CSRF)', async () => {
    const alice = await signIn(h, 'alice');
    const missing = await postForm(h, { jar: alice.jar }, '/dashboard/bindings', { repo: 'alice/hello' });
    expect(missing.status).toBe(403);
    const wrong = await postForm(h, { jar: alice.jar, csrf: 'x'.repeat(alice.csrf.length) }, '/dashboard/bindings', { repo: 'alice/hello' });
    expect(wrong.status).toBe(403);
    const right = await postForm(h, alice, '/dashboard/bindings', { repo: 'alice/hello' });
    expect(right.status).toBe(200);
    expect(await h.store.tenants.openBindCodes((await h.store.tenants.ofMember('alice'))[0]!.id)).toHaveLength(1);
  });

  it('signs out only with the form token', async () => {
    const alice = await signIn(h, 'alice');
    expect((await postForm(h, { jar: alice.jar }, '/auth/logout', {})).status).toBe(403);
    const out = alice.jar.take(await postForm(h, alice, '/auth/logout', {}));
    expect(out.status).toBe(302);
    expect((await getPage(h, alice, '/dashboard/rooms')).status).toBe(302);
  });

  it('rate-limits sign-in attempts', async () => {
    const limited = await dashboardHarness({ loginLimit: { attempts: 3, windowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.app.request('/auth/login')).status);
      expect(statuses).toEqual([302, 302, 302, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
