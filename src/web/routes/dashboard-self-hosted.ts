import { Hono, type MiddlewareHandler } from 'hono';
import { configuredRoom } from '../../config/to-services.js';
import { describeSubscription } from '../../core/notify/describe-subscription.js';
import type { Store } from '../../store/store.js';
import { selfHostedPage, type SelfHostedRoom, type SelfHostedView } from '../views/dashboard-self-hosted.js';
import type { DashboardEnv, SelfHostedSettings } from './dashboard-deps.js';
import { healthView } from './dashboard-health.js';
import { frameOf, idParam, notFound, type DashboardContext } from './dashboard-frame.js';

// The rooms no tenant owns: this installation's own.
const SELF_HOSTED = null;

async function roomOf(store: Store, settings: SelfHostedSettings, c: DashboardContext, room: SelfHostedRoom['room']): Promise<SelfHostedRoom> {
  const entry = configuredRoom(settings.rooms, room);
  // A binding made in chat wins over the configuration's, as when issues are opened.
  const repo = room.repo ? { name: room.repo, from: 'chat' as const } : entry?.repo ? { name: entry.repo, from: 'config' as const } : undefined;
  const subscriptions = (await store.subscriptions.ofRoom(room.id)).map((sub) => describeSubscription(sub, c.get('locale')));
  return { room, ...(repo ? { repo } : {}), subscriptions, configuredSubscriptions: entry?.subscribe ?? [] };
}

async function view(store: Store, settings: SelfHostedSettings, c: DashboardContext): Promise<SelfHostedView> {
  const [rooms, health] = await Promise.all([store.tenants.rooms(SELF_HOSTED), healthView(store, SELF_HOSTED)]);
  const groups = rooms.filter((room) => room.kind === 'group');
  const unseen = settings.rooms
    .filter((entry) => !groups.some((room) => configuredRoom([entry], room)))
    .map(({ match }) => ('id' in match ? match.id : match.topic));
  return { rooms: await Promise.all(groups.map((room) => roomOf(store, settings, c, room))), unseen, health };
}

/** Only `dashboard.admins` reach these pages; anyone else is told there is nothing here (404), as for another tenant's room. */
const onlySelfHostedAdmins: MiddlewareHandler<DashboardEnv> = async (c, next) => (c.get('selfHosted') ? next() : notFound(c));

/**
 * `/dashboard/self-hosted`: the rooms this installation owns (bound in osschat.yaml or in chat, never a tenant's),
 * their bindings and subscriptions, and the queue, failed jobs and deliveries of those rooms, with a retry button.
 */
export function dashboardSelfHostedRoutes(store: Store, settings: () => SelfHostedSettings, wake: () => void): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.use('/dashboard/self-hosted', onlySelfHostedAdmins);
  app.use('/dashboard/self-hosted/*', onlySelfHostedAdmins);
  app.get('/dashboard/self-hosted', async (c) => {
    const retried = c.req.query('retried');
    const flash = retried && /^\d+$/.test(retried) ? `${c.get('l').retry}: #${retried}` : undefined;
    return c.html(selfHostedPage(frameOf(c, 'self-hosted', flash), await view(store, settings(), c)));
  });
  app.post('/dashboard/self-hosted/jobs/:id/retry', async (c) => {
    const id = idParam(c, 'id');
    const job = id === undefined ? undefined : await store.tenants.job(SELF_HOSTED, id);
    if (!job) return notFound(c);
    if (await store.outbox.retry(job.id)) wake();
    return c.redirect(`/dashboard/self-hosted?retried=${job.id}`, 303);
  });
  return app;
}
