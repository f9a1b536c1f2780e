import { Hono } from 'hono';
import { describeSubscription } from '../../core/notify/describe-subscription.js';
import { parseSubscriptionSpec } from '../../core/notify/subscription-spec.js';
import type { Store } from '../../store/store.js';
import { fill } from '../views/dashboard-labels.js';
import { codeFlash, roomsPage, type RoomsView } from '../views/dashboard-rooms.js';
import type { DashboardEnv } from './dashboard-deps.js';
import { frameOf, idParam, notFound, type DashboardContext } from './dashboard-frame.js';
import type { RepoProver } from './dashboard-repo-proof.js';

const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const DAY_MS = 86_400_000;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

async function roomsView(store: Store, c: DashboardContext): Promise<RoomsView> {
  const tenantId = c.get('tenant').id;
  const [rooms, codes, admins] = await Promise.all([store.tenants.rooms(tenantId), store.tenants.openBindCodes(tenantId), store.tenants.members(tenantId)]);
  const withSubs = await Promise.all(
    rooms.map(async (room) => {
      const subs = await store.subscriptions.ofRoom(room.id);
      return { room, subscriptions: subs.map((sub) => ({ ...sub, description: describeSubscription(sub, c.get('locale')) })) };
    }),
  );
  return { rooms: withSubs, codes, admins };
}

const field = async (c: DashboardContext, name: string): Promise<string> => {
  const value = (await c.req.parseBody())[name];
  return typeof value === 'string' ? value.trim() : '';
};

async function render(store: Store, c: DashboardContext, flash?: string, status: 200 | 400 | 403 = 200): Promise<Response> {
  return c.html(roomsPage(frameOf(c, 'rooms', flash), await roomsView(store, c)), status);
}

/** A room of the signed-in tenant from the `:id` parameter, or undefined (another tenant's room is not found). */
async function ownRoom(store: Store, c: DashboardContext) {
  const id = idParam(c, 'id');
  return id === undefined ? undefined : store.tenants.room(c.get('tenant').id, id);
}

/**
 * `/dashboard/rooms` and its forms: bind codes, repository, subscriptions, archive switch, release. Every form that
 * points a room at a repository first proves the tenant controls it (`prove`).
 */
export function dashboardRoomsRoutes(store: Store, prove: RepoProver, bindCodeTtlMs = DAY_MS): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/dashboard/rooms', (c) => render(store, c));
  app.post('/dashboard/bindings', async (c) => {
    const repo = await field(c, 'repo');
    if (!REPO.test(repo)) return render(store, c, fill(c.get('l').invalidRepo, { value: repo }), 400);
    const refused = await prove(c, repo, 'write');
    if (refused) return render(store, c, refused, 403);
    const code = await store.tenants.createBindCode(c.get('tenant').id, repo, c.get('session').login, bindCodeTtlMs);
    return render(store, c, codeFlash(frameOf(c, 'rooms'), code));
  });
  app.post('/dashboard/rooms/:id/repo', async (c) => {
    const room = await ownRoom(store, c);
    if (!room) return notFound(c);
    const repo = await field(c, 'repo');
    if (repo && !REPO.test(repo)) return render(store, c, fill(c.get('l').invalidRepo, { value: repo }), 400);
    const refused = repo && repo.toLowerCase() !== room.repo?.toLowerCase() ? await prove(c, repo, 'write') : undefined;
    if (refused) return render(store, c, refused, 403);
    await store.rooms.setRepo(room.id, repo || null);
    return c.redirect('/dashboard/rooms', 303);
  });
  app.post('/dashboard/rooms/:id/archive', async (c) => {
    const room = await ownRoom(store, c);
    if (!room) return notFound(c);
    const on = (await field(c, 'public')) === '1';
    // On needs the room's own opt-in (checked again in the update itself); off always works.
    const changed = await store.tenants.setArchivePublic(c.get('tenant').id, room.id, on);
    if (on && !changed) return render(store, c, fill(c.get('l').notOptedInRefused, { room: room.topic ?? room.externalId }), 403);
    return c.redirect('/dashboard/rooms', 303);
  });
  app.post('/dashboard/rooms/:id/subscriptions', async (c) => {
    const room = await ownRoom(store, c);
    if (!room) return notFound(c);
    const spec = parseSubscriptionSpec(await field(c, 'spec'));
    if (!spec.ok) return render(store, c, spec.problem, 400);
    const refused = await prove(c, spec.repo, 'read');
    if (refused) return render(store, c, refused, 403);
    await store.subscriptions.upsert({ roomId: room.id, repo: spec.repo, ...spec.state });
    return c.redirect('/dashboard/rooms', 303);
  });
  app.post('/dashboard/rooms/:id/unsubscribe', async (c) => {
    const room = await ownRoom(store, c);
    if (!room) return notFound(c);
    await store.subscriptions.remove(room.id, await field(c, 'repo'));
    return c.redirect('/dashboard/rooms', 303);
  });
  app.post('/dashboard/rooms/:id/release', async (c) => {
    const room = await ownRoom(store, c);
    if (!room) return notFound(c);
    await store.tenants.releaseRoom(c.get('tenant').id, room.id);
    return c.redirect('/dashboard/rooms', 303);
  });
  app.post('/dashboard/members', async (c) => {
    const login = await field(c, 'login');
    if (!LOGIN.test(login)) return c.text('login: expected a GitHub login\n', 400);
    await store.tenants.addMember(c.get('tenant').id, login);
    return c.redirect('/dashboard/rooms', 303);
  });
  app.post('/dashboard/members/remove', async (c) => {
    await store.tenants.removeMember(c.get('tenant').id, await field(c, 'login'));
    return c.redirect('/dashboard/rooms', 303);
  });
  return app;
}
