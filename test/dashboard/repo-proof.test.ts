import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTenant } from './dashboard-fixture.js';
import { dashboardHarness, getPage, postForm, signIn, type Harness } from './dashboard-harness.js';

/**
 * Issue 14 item 3: a tenant admin bound a group to a repository it does not control (victim/repo), so the bot
 * would open issues there in their name. Every dashboard path that sets a repository now asks for proof.
 */
describe('the dashboard points rooms only at repositories the tenant controls', () => {
  let h: Harness;
  let seed: Awaited<ReturnType<typeof seedTenant>>;
  let mallory: Awaited<ReturnType<typeof signIn>>;
  const codes = async () => (await h.store.tenants.openBindCodes(seed.tenant.id)).map((code) => code.repo);

  beforeEach(async () => {
    h = await dashboardHarness({}, undefined, { github: { validateResponses: true, access: { privateRepos: ['victim/private'], grants: [{ repo: 'victim/repo', login: 'helper', role: 'push' }] } } });
    seed = await seedTenant(h, 'mallory', 'r-mallory');
    mallory = await signIn(h, 'mallory');
  });
  afterEach(async () => h.close());

  it('refuses a bind code and a room repository without push, naming the repository and the missing proof', async () => {
    const code = await postForm(h, mallory, '/dashboard/bindings', { repo: 'victim/repo' });
    expect(code.status).toBe(403);
    const text = await code.text();
    expect(text).toContain('不能使用 victim/repo：你的 GitHub 账号 mallory 对它没有 push、maintain 或 admin 权限');
    expect(text).not.toMatch(/绑定 [A-Z2-9]{4}-[A-Z2-9]{4}/);
    expect(await codes()).not.toContain('victim/repo');
    expect((await postForm(h, mallory, `/dashboard/rooms/${seed.room.id}/repo`, { repo: 'victim/repo' })).status).toBe(403);
    expect((await postForm(h, mallory, `/dashboard/rooms/${seed.room.id}/repo`, { repo: 'victim/private' })).status).toBe(403);
    expect((await h.store.rooms.findById(seed.room.id))?.repo).toBe('mallory/repo');
    const check = h.github.requests.find((r) => r.path === '/repos/victim/repo');
    expect(check).toMatchObject({ operationId: 'repos/get', status: 200 });
    expect(h.github.violations).toEqual([]);
    expect(h.github.responseViolations).toEqual([]);
  });

  it('says it in English too', async () => {
    mallory.jar.take(await getPage(h, mallory, '/dashboard/rooms?lang=en'));
    const text = await (await postForm(h, mallory, '/dashboard/bindings', { repo: 'victim/repo' })).text();
    expect(text).toContain('Cannot use victim/repo: your GitHub account mallory has no push, maintain or admin permission on it');
  });

  it('subscribes to a public repository\'s events, never to a private one it cannot prove', async () => {
    expect((await postForm(h, mallory, `/dashboard/rooms/${seed.room.id}/subscriptions`, { spec: 'victim/repo releases' })).status).toBe(303);
    expect((await postForm(h, mallory, `/dashboard/rooms/${seed.room.id}/subscriptions`, { spec: 'victim/private issues' })).status).toBe(403);
    expect((await h.store.subscriptions.ofRoom(seed.room.id)).map((s) => s.repo)).toEqual(['victim/repo']);
  });

  it('accepts a user with push on the repository', async () => {
    const helper = await signIn(h, 'helper');
    expect(await (await postForm(h, helper, '/dashboard/bindings', { repo: 'victim/repo' })).text()).toMatch(/绑定 [A-Z2-9]{4}-[A-Z2-9]{4}/);
    h.github.state.access.grant('victim/repo', 'mallory', 'maintain');
    expect((await postForm(h, mallory, `/dashboard/rooms/${seed.room.id}/repo`, { repo: 'victim/repo' })).status).toBe(303);
    expect((await h.store.rooms.findById(seed.room.id))?.repo).toBe('victim/repo');
    expect(h.github.violations).toEqual([]);
  });

  it('accepts a repository the App was installed on by the tenant\'s own account, not by another account', async () => {
    await h.store.installations.apply({ installationId: 501, account: 'victim', selection: 'selected', repos: { set: ['victim/private'] } });
    expect((await postForm(h, mallory, '/dashboard/bindings', { repo: 'victim/private' })).status).toBe(403);
    const acme = await h.store.tenants.ensureAccount('acme', 'org', 'bob');
    await h.store.installations.apply({ installationId: 502, account: 'acme', selection: 'selected', repos: { set: ['acme/private'] } });
    const bob = await signIn(h, 'bob');
    expect((await postForm(h, bob, '/dashboard/tenant', { tenant: String(acme.id) })).status).toBe(303);
    expect((await postForm(h, bob, '/dashboard/bindings', { repo: 'acme/private' })).status).toBe(200);
    expect((await h.store.tenants.openBindCodes(acme.id)).map((c) => c.repo)).toEqual(['acme/private']);
    expect((await postForm(h, bob, '/dashboard/bindings', { repo: 'victim/private' })).status).toBe(403);
  });
});
