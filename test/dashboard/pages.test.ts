import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardHarness, getPage, postForm, signIn, type Harness } from './dashboard-harness.js';
import { seedTenant } from './dashboard-fixture.js';
import { storeFactories } from '../helpers/databases.js';

const factories = await storeFactories('dashboard pages');

describe.each(factories)('dashboard pages on %s', (_name, factory) => {
  let h: Harness;
  let seed: Awaited<ReturnType<typeof seedTenant>>;
  let alice: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    h = await dashboardHarness({}, factory);
    seed = await seedTenant(h, 'alice', 'r-alice');
    alice = await signIn(h, 'alice');
  });
  afterEach(async () => h.close());

  it('hands out a bind code with the sentence to say in the group', async () => {
    const page = await (await postForm(h, alice, '/dashboard/bindings', { repo: 'alice/hello' })).text();
    const code = page.match(/绑定 ([A-Z2-9]{4}-[A-Z2-9]{4})/)?.[1];
    expect(code).toBeDefined();
    expect((await h.store.tenants.openBindCodes(seed.tenant.id)).map((c) => c.code)).toContain(code);
    expect((await postForm(h, alice, '/dashboard/bindings', { repo: 'not a repo' })).status).toBe(400);
  });

  it('edits a room: repository, subscriptions, archive switch, release', async () => {
    const r = seed.room.id;
    expect((await postForm(h, alice, `/dashboard/rooms/${r}/repo`, { repo: 'alice/other' })).status).toBe(303);
    await postForm(h, alice, `/dashboard/rooms/${r}/subscriptions`, { spec: 'alice/other issues +label:bug' });
    expect((await postForm(h, alice, `/dashboard/rooms/${r}/archive`, { public: '1' })).status).toBe(403);
    await h.store.archive.setRoomPublic(r, true); // the room's own `/archive on`
    await postForm(h, alice, `/dashboard/rooms/${r}/archive`, { public: '0' });
    expect(await h.store.tenants.room(seed.tenant.id, r)).toMatchObject({ archivePublic: false, archiveOptIn: true });
    await postForm(h, alice, `/dashboard/rooms/${r}/archive`, { public: '1' });
    const page = await (await getPage(h, alice, '/dashboard/rooms')).text();
    expect(page).toContain('value="alice/other"');
    expect(page).toContain('bug');
    expect(page).toContain('/report/alice%20%E7%9A%84%E7%BE%A4');
    expect(await h.store.tenants.room(seed.tenant.id, r)).toMatchObject({ repo: 'alice/other', archivePublic: true });
    await postForm(h, alice, `/dashboard/rooms/${r}/unsubscribe`, { repo: 'alice/other' });
    expect(await h.store.subscriptions.ofRoom(r)).toEqual([]);
    await postForm(h, alice, `/dashboard/rooms/${r}/release`, {});
    expect(await h.store.tenants.rooms(seed.tenant.id)).toEqual([]);
  });

  it('adds, edits, imports and deletes FAQ entries, showing votes', async () => {
    const [voter, other] = await Promise.all(['u-vote-1', 'u-vote-2'].map((externalId) => h.store.members.upsert({ platform: 'stdio', externalId })));
    await h.store.faq.vote(seed.faqId, voter!.id, true);
    await h.store.faq.vote(seed.faqId, other!.id, false);
    expect(await (await getPage(h, alice, '/dashboard/faq')).text()).toContain('1 / 1');
    await postForm(h, alice, '/dashboard/faq', { questions: '怎么升级？\n如何升级', answer: 'npm update', tags: 'ops' });
    const added = (await h.store.tenants.faq(seed.tenant.id)).find((e) => e.answer === 'npm update');
    expect(added).toMatchObject({ questions: ['怎么升级？', '如何升级'], tags: ['ops'] });
    expect((await getPage(h, alice, `/dashboard/faq/${added!.id}/edit`)).status).toBe(200);
    await postForm(h, alice, '/dashboard/faq', { id: added!.id, questions: '怎么升级？', answer: 'npm i osschat@latest' });
    expect((await h.store.faq.get(added!.id))?.answer).toBe('npm i osschat@latest');
    const report = await (await postForm(h, alice, '/dashboard/faq/import', { format: 'markdown', text: '## 支持 Windows 吗？\n\n支持。\n' })).text();
    expect(report).toMatch(/导入 1 条/);
    expect(await h.store.tenants.faq(seed.tenant.id)).toHaveLength(3);
    await postForm(h, alice, `/dashboard/faq/${added!.id}/delete`, {});
    expect(await h.store.faq.get(added!.id)).toBeUndefined();
  });

  it('shows queue depth, failed jobs with their error, and retries one', async () => {
    const page = await (await getPage(h, alice, '/dashboard/health')).text();
    expect(page).toContain('alice: chat is down');
    expect(page).toContain(`/dashboard/jobs/${seed.jobId}/retry`);
    const retried = await postForm(h, alice, `/dashboard/jobs/${seed.jobId}/retry`, {});
    expect(retried.status).toBe(303);
    expect(await h.store.outbox.get(seed.jobId)).toMatchObject({ status: 'pending', attempts: 0 });
    const api = (await (await getPage(h, alice, '/dashboard/api/health')).json()) as { queue: { pending: number }; failed: unknown[] };
    expect(api.queue.pending).toBe(1);
    expect(api.failed).toEqual([]);
  });

  it('adds and removes administrators, who then administer the same tenant; the owner stays', async () => {
    await postForm(h, alice, '/dashboard/members', { login: 'bob' });
    const bob = await signIn(h, 'bob');
    const page = await getPage(h, bob, '/dashboard/rooms?tenant=');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    await postForm(h, bob, '/dashboard/tenant', { tenant: String(seed.tenant.id) });
    expect(await (await getPage(h, bob, '/dashboard/rooms')).text()).toContain('alice 的群');
    await postForm(h, bob, '/dashboard/members/remove', { login: 'alice' });
    await postForm(h, alice, '/dashboard/members/remove', { login: 'bob' });
    expect(await h.store.tenants.members(seed.tenant.id)).toEqual(['alice']);
    expect((await h.store.tenants.ofMember('bob')).map((t) => t.login)).toEqual(['bob']);
  });

  it('speaks English on ?lang=en and remembers it', async () => {
    const first = await getPage(h, alice, '/dashboard/rooms?lang=en');
    expect(await first.text()).toContain('Bind a group');
    alice.jar.take(first);
    expect(await (await getPage(h, alice, '/dashboard/faq')).text()).toContain('Import (YAML, CSV or Markdown)');
  });
});
