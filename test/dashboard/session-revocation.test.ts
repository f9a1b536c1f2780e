import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { hashSessionId, unsealToken } from '../../src/web/session-token.js';
import { freshPostgresStore, postgresAvailable, storeFactories } from '../helpers/databases.js';
import { BASE, CLIENT, dashboardHarness, getPage, postForm, signIn, type Harness } from './dashboard-harness.js';

const factories = await storeFactories('dashboard session revocation');
const copyOf = (who: Awaited<ReturnType<typeof signIn>>) => ({ ...who, jar: who.jar.copy() });

/** Issue 14 item 27: a cookie copied before sign-out stayed valid for a week. Sessions now live in the store. */
describe.each(factories)('dashboard sessions on %s are revocable', (_name, factory) => {
  let h: Harness;
  beforeEach(async () => {
    h = await dashboardHarness({}, factory);
  });
  afterEach(async () => h.close());

  it('a cookie copied before sign-out is refused afterwards', async () => {
    const alice = await signIn(h, 'alice');
    const stolen = copyOf(alice);
    expect((await getPage(h, stolen, '/dashboard/rooms')).status).toBe(200);
    expect((await postForm(h, alice, '/auth/logout', {})).status).toBe(302);
    const page = await getPage(h, stolen, '/dashboard/rooms');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toMatch(/^\/auth\/login/);
    expect((await getPage(h, stolen, '/dashboard/api/health')).status).toBe(401);
    expect((await postForm(h, stolen, '/dashboard/bindings', { repo: 'alice/hello' })).status).toBe(401);
  });

  it('the cookie carries only a random id; the row is found by its hash and keeps the GitHub token sealed', async () => {
    const alice = await signIn(h, 'alice');
    const cookie = decodeURIComponent(alice.jar.header().match(/osschat_session=([^;]+)/)![1]!);
    const id = cookie.slice(0, cookie.lastIndexOf('.'));
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(await h.store.sessions.find(id, new Date())).toBeUndefined();
    const row = await h.store.sessions.find(hashSessionId(id), new Date());
    expect(row).toMatchObject({ login: 'alice' });
    expect(row!.sealedToken).not.toMatch(/gho_/);
    expect(unsealToken(id, row!.sealedToken!)).toMatch(/^gho_/);
  });

  it('sweeps expired sessions and refuses them', async () => {
    const past = new Date(Date.now() - 60_000);
    const hash = 'f'.repeat(64);
    await h.store.sessions.create({ idHash: hash, login: 'old', tenantId: null, csrf: 'x', sealedToken: null, createdAt: past, lastSeenAt: past, expiresAt: past });
    expect(await h.store.sessions.find(hash, new Date())).toBeUndefined();
    expect(await h.store.sessions.find(hash, new Date(0))).toBeDefined();
    await signIn(h, 'alice');
    expect(await h.store.sessions.find(hash, new Date(0))).toBeUndefined();
  });
});

describe.skipIf(!(await postgresAvailable('dashboard sessions across web processes')))('dashboard sessions across two web processes on PostgreSQL', () => {
  let h: Harness;
  let second: { store: Store; app: ReturnType<typeof createWebApp> };
  beforeEach(async () => {
    let url = '';
    h = await dashboardHarness({}, async () => {
      const fresh = await freshPostgresStore();
      url = fresh.url;
      return fresh;
    });
    const store = await openStore(url);
    const dashboard = { store, github: { ...CLIENT, apiUrl: h.github.url, webUrl: h.github.url }, baseUrl: BASE, sessionSecret: 'a-test-secret-that-is-long-enough-1234', log: silentLogger };
    second = { store, app: createWebApp({ health: { pingDatabase: () => store.ping(), chatState: () => 'ready' }, dashboard }) };
  });
  afterEach(async () => {
    await second.store.close();
    await h.close();
  });

  it('a sign-in on one process is seen by the other, and a sign-out on one ends it on both', async () => {
    const alice = await signIn(h, 'alice');
    const other = { ...h, app: second.app };
    expect((await getPage(other, alice, '/dashboard/rooms')).status).toBe(200);
    expect((await postForm(other, alice, '/auth/logout', {})).status).toBe(302);
    expect((await getPage(h, alice, '/dashboard/rooms')).status).toBe(302);
    expect((await getPage(other, alice, '/dashboard/rooms')).status).toBe(302);
  });
});
