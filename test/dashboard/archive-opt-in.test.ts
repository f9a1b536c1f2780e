import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createBot, type Bot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ChatMessageEvent } from '../../src/core/types.js';
import { storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { storeReportSource } from '../../src/web/routes/report.js';
import { storeFactories } from '../helpers/databases.js';
import { dashboardHarness, getPage, postForm, signIn, type Harness } from './dashboard-harness.js';

const factories = await storeFactories('dashboard archive opt-in');
const TOPIC = '内部私密群';

/**
 * Issue 14 item 1 (dashboard half): a tenant admin who got hold of a private room tried to publish its history
 * from the dashboard. The public switch may turn publishing off at any time, on only after the room opted in itself.
 */
describe.each(factories)('the dashboard never publishes a room that did not opt in, on %s', (_name, factory) => {
  const config = loadConfig({ env: {} });
  let h: Harness;
  let bot: Bot;
  let seq = 0;
  let roomId: number;
  let tenantId: number;
  let mallory: Awaited<ReturnType<typeof signIn>>;

  /** Says `text` in the room as `from` through the bot's one entry point. */
  const say = async (text: string, from = { id: 'u-member', name: '赵六' }) => {
    seq += 1;
    const event: ChatMessageEvent = { type: 'message', id: `m${seq}`, room: { id: 'r-private', topic: TOPIC }, from, text, kind: 'text', ts: new Date(Date.UTC(2026, 10, 24, 2, 0, seq)) };
    await bot.handle(event);
    await bot.drain(1000);
  };
  const admin = { id: 'u-admin', name: '群主' };
  const status = async (path: string) => (await h.app.request(`http://dashboard.test${path}`)).status;
  const publicPages = async () => [await status(`/archive/${roomId}/`), await status(`/report/${encodeURIComponent(TOPIC)}`)];
  const archiveSwitch = (on: boolean) => postForm(h, mallory, `/dashboard/rooms/${roomId}/archive`, { public: on ? '1' : '0' });

  beforeEach(async () => {
    h = await dashboardHarness({}, factory, { web: (store) => ({ archive: storeArchiveSource(store, config, 0), report: storeReportSource(store, config) }) });
    bot = createBot({ store: h.store, platform: 'stdio', log: silentLogger, send: async () => undefined, admins: [admin.id] });
    await say('机密：下周的发布计划 secretplan');
    const room = (await h.store.rooms.findByExternalId('stdio', 'r-private'))!;
    roomId = room.id;
    tenantId = (await h.store.tenants.ensureAccount('mallory', 'user', 'mallory')).id;
    const { code } = await h.store.tenants.createBindCode(tenantId, 'mallory/repo', 'mallory', 60_000);
    await h.store.tenants.redeemBindCode(code, roomId);
    mallory = await signIn(h, 'mallory');
  });
  afterEach(async () => {
    await bot.stop();
    await h.close();
  });

  it('refuses the switch with what to say in the room, and /archive/ and /report/ stay 404', async () => {
    const page = await (await getPage(h, mallory, '/dashboard/rooms')).text();
    expect(page).toContain('data-opt-in="no"');
    expect(page).toContain('公开存档 开');
    expect(page).not.toContain(`action="/dashboard/rooms/${roomId}/archive"`);
    const refused = await archiveSwitch(true);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(`不能公开「${TOPIC}」的存档`);
    expect(await h.store.tenants.room(tenantId, roomId)).toMatchObject({ archivePublic: false, archiveOptIn: false });
    expect(await publicPages()).toEqual([404, 404]);
    expect(await (await h.app.request('http://dashboard.test/archive/')).text()).not.toContain('secretplan');
  });

  it('publishes once a chat admin says 公开存档 开 in the room; off works any time; the room\'s own off withdraws the opt-in', async () => {
    await say('公开存档 开', admin);
    expect(await publicPages()).toEqual([200, 200]);
    expect((await archiveSwitch(false)).status).toBe(303);
    expect(await publicPages()).toEqual([404, 404]);
    expect((await archiveSwitch(true)).status).toBe(303);
    expect(await publicPages()).toEqual([200, 200]);
    await say('公开存档 关', admin);
    expect((await archiveSwitch(true)).status).toBe(403);
    expect(await publicPages()).toEqual([404, 404]);
  });

  it('forgets the opt-in when the room leaves the tenant: a new owner needs the room\'s word again', async () => {
    await say('/archive on', admin);
    await postForm(h, mallory, `/dashboard/rooms/${roomId}/release`, {});
    const { code } = await h.store.tenants.createBindCode(tenantId, 'mallory/repo', 'mallory', 60_000);
    await h.store.tenants.redeemBindCode(code, roomId);
    expect((await archiveSwitch(true)).status).toBe(403);
    expect(await publicPages()).toEqual([404, 404]);
  });
});
