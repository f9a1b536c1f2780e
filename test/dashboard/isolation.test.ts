import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardHarness, getPage, postForm, signIn, type Harness } from './dashboard-harness.js';
import { seedTenant } from './dashboard-fixture.js';
import { storeFactories } from '../helpers/databases.js';

const factories = await storeFactories('dashboard tenant isolation');

describe.each(factories)('tenant isolation on %s: an admin never reads or changes another tenant\'s data', (_name, factory) => {
  let h: Harness;
  let alice: Awaited<ReturnType<typeof seedTenant>>;
  let mallory: Awaited<ReturnType<typeof signIn>>;
  beforeEach(async () => {
    h = await dashboardHarness({}, factory);
    alice = await seedTenant(h, 'alice', 'r-alice');
    await seedTenant(h, 'mallory', 'r-mallory');
    mallory = await signIn(h, 'mallory');
  });
  afterEach(async () => h.close());

  it('shows none of it on any page or API', async () => {
    for (const path of ['/dashboard/rooms', '/dashboard/faq', '/dashboard/health', '/dashboard/api/health']) {
      const response = await getPage(h, mallory, path);
      expect(response.status, path).toBe(200);
      const text = await response.text();
      expect(text, path).not.toContain('alice');
      expect(text, path).toContain('mallory');
    }
    expect((await getPage(h, mallory, `/dashboard/faq/${alice.faqId}/edit`)).status).toBe(404);
  });

  it('answers 404 to every write aimed at it, and changes nothing', async () => {
    const r = alice.room.id;
    const writes: [string, Record<string, string>][] = [
      [`/dashboard/rooms/${r}/repo`, { repo: 'evil/repo' }],
      [`/dashboard/rooms/${r}/archive`, { public: '1' }],
      [`/dashboard/rooms/${r}/subscriptions`, { spec: 'evil/repo issues' }],
      [`/dashboard/rooms/${r}/unsubscribe`, { repo: 'alice/repo' }],
      [`/dashboard/rooms/${r}/release`, {}],
      [`/dashboard/jobs/${alice.jobId}/retry`, {}],
      [`/dashboard/faq/${alice.faqId}/delete`, {}],
      ['/dashboard/faq', { id: alice.faqId, questions: 'hijacked?', answer: 'hijacked' }],
    ];
    for (const [path, fields] of writes) expect((await postForm(h, mallory, path, fields)).status, path).toBe(404);
    expect(await h.store.tenants.room(alice.tenant.id, r)).toMatchObject({ repo: 'alice/repo', archivePublic: false });
    expect(await h.store.subscriptions.ofRoom(r)).toEqual([]);
    expect((await h.store.outbox.get(alice.jobId))?.status).toBe('failed');
    expect((await h.store.faq.get(alice.faqId))?.answer).toBe('alice 的答案');
  });

  it('cannot reach it by importing or adding entries under its ids, nor by switching to its tenant', async () => {
    await postForm(h, mallory, '/dashboard/faq/import', { format: 'csv', text: `id,question,answer\n${alice.faqId},x?,pwned\n` });
    expect((await h.store.faq.get(alice.faqId))?.answer).toBe('alice 的答案');
    await postForm(h, mallory, '/dashboard/tenant', { tenant: String(alice.tenant.id) });
    expect(await (await getPage(h, mallory, '/dashboard/rooms')).text()).not.toContain('alice');
  });
});
