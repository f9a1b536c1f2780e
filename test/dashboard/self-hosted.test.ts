import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomConfig } from '../../src/config/schema.js';
import { parseSubscriptionSpec } from '../../src/core/notify/subscription-spec.js';
import type { Store } from '../../src/store/store.js';
import type { SelfHostedSettings } from '../../src/web/routes/dashboard-deps.js';
import { storeFactories } from '../helpers/databases.js';
import { seedTenant } from './dashboard-fixture.js';
import { dashboardHarness, getPage, postForm, signIn, type Harness } from './dashboard-harness.js';

const factories = await storeFactories('dashboard self-hosted rooms');

const ROOMS: RoomConfig[] = [
  { match: { topic: '配置里的群' }, repo: 'octo/other', subscribe: ['octo/other releases'] },
  { match: { topic: '还没见过的群' }, repo: 'octo/third' },
];

/** What a self-hosted bot leaves in its database: a room bound in chat, a configured room, a direct chat, a failed job. */
async function seedSelfHosted(store: Store) {
  const inChat = await store.rooms.upsert({ platform: 'stdio', externalId: 'r-chat', kind: 'group', topic: '自建开发群' });
  await store.rooms.setRepo(inChat.id, 'octo/hello');
  const spec = parseSubscriptionSpec('octo/hello issues');
  if (spec.ok) await store.subscriptions.upsert({ roomId: inChat.id, repo: spec.repo, ...spec.state });
  await store.rooms.upsert({ platform: 'stdio', externalId: 'r-config', kind: 'group', topic: '配置里的群' });
  await store.rooms.upsert({ platform: 'stdio', externalId: 'u-direct', kind: 'direct', topic: '私聊的人' });
  await store.outbox.enqueue({ kind: 'chat.say', payload: { room: 'r-chat', text: 'hi' }, idempotencyKey: 'say:self', roomId: inChat.id });
  const [claimed] = await store.outbox.claimDue(new Date(Date.now() + 1000), 1, 60_000);
  await store.outbox.fail(claimed!.id, 'self-hosted: chat is down', null);
  return { jobId: claimed!.id };
}

describe.each(factories)('the dashboard shows a self-hoster the rooms no tenant owns, on %s', (_name, factory) => {
  let h: Harness;
  let settings: SelfHostedSettings;
  let alice: Awaited<ReturnType<typeof seedTenant>>;
  let self: Awaited<ReturnType<typeof seedSelfHosted>>;
  beforeEach(async () => {
    settings = { admins: ['OctoCat'], rooms: ROOMS };
    h = await dashboardHarness({ selfHosted: () => settings }, factory);
    alice = await seedTenant(h, 'alice', 'r-alice');
    self = await seedSelfHosted(h.store);
  });
  afterEach(async () => h.close());

  it('lists them with their bindings, subscriptions, configured rooms not seen yet, and their failed jobs — nothing of a tenant', async () => {
    const octo = await signIn(h, 'octocat');
    expect((await getPage(h, octo, '/dashboard')).headers.get('location')).toBe('/dashboard/self-hosted');
    expect(await (await getPage(h, octo, '/dashboard/rooms')).text()).toContain('href="/dashboard/self-hosted"');
    const response = await getPage(h, octo, '/dashboard/self-hosted');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/自建开发群<\/td><td>octo\/hello <small>\(群里绑定\)/);
    expect(page).toMatch(/配置里的群<\/td><td>octo\/other <small>\(osschat\.yaml\)/);
    expect(page).toContain('octo/other releases');
    expect(page).toMatch(/<li data-unseen>还没见过的群<\/li>/);
    expect(page).toContain('self-hosted: chat is down');
    expect(page).not.toContain('私聊的人');
    expect(page).not.toContain('alice');
  });

  it('is not found for any other signed-in GitHub user, tenant admins included; their pages do not link it', async () => {
    for (const login of ['mallory', 'alice']) {
      const who = await signIn(h, login);
      expect((await getPage(h, who, '/dashboard/self-hosted')).status, login).toBe(404);
      expect((await postForm(h, who, `/dashboard/self-hosted/jobs/${self.jobId}/retry`, {})).status, login).toBe(404);
      expect((await getPage(h, who, '/dashboard')).headers.get('location')).toBe('/dashboard/rooms');
      for (const path of ['/dashboard/rooms', '/dashboard/health', '/dashboard/api/health']) {
        const text = await (await getPage(h, who, path)).text();
        expect(text, `${login} ${path}`).not.toContain('self-hosted');
        expect(text, `${login} ${path}`).not.toContain('自建开发群');
      }
    }
    expect((await h.store.outbox.get(self.jobId))?.status).toBe('failed');
  });

  it('retries a failed job of its own rooms, never a tenant\'s, and follows dashboard.admins as it changes', async () => {
    const octo = await signIn(h, 'octocat');
    expect((await postForm(h, octo, `/dashboard/self-hosted/jobs/${alice.jobId}/retry`, {})).status).toBe(404);
    expect((await h.store.outbox.get(alice.jobId))?.status).toBe('failed');
    const retried = await postForm(h, octo, `/dashboard/self-hosted/jobs/${self.jobId}/retry`, {});
    expect(retried.headers.get('location')).toBe(`/dashboard/self-hosted?retried=${self.jobId}`);
    expect((await h.store.outbox.get(self.jobId))?.status).toBe('pending');
    settings = { ...settings, admins: [] };
    expect((await getPage(h, octo, '/dashboard/self-hosted')).status).toBe(404);
  });
});
