import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { storeFactories } from '../helpers/databases.js';

const factories = await storeFactories('chat authorization contract tests');

// Issue 14, items 1, 18 and 19: what the store itself must guarantee, on SQLite and PostgreSQL alike.
describe.each(factories)('chat authorization on %s', (_name, factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await factory());
  });
  afterEach(async () => cleanup());

  const room = (id: string) => store.rooms.upsert({ platform: 'wechat', externalId: id, kind: 'group', topic: id });
  const member = (id: string) => store.members.upsert({ platform: 'wechat', externalId: id });

  it('keeps one role per room and member, replaced when the platform reports another', async () => {
    const [a, b, owner] = [await room('a'), await room('b'), await member('owner')];
    await store.members.setRoomRole(a.id, owner.id, 'owner');
    expect(await store.members.roleIn(a.id, owner.id)).toBe('owner');
    expect(await store.members.roleIn(b.id, owner.id)).toBeUndefined();
    await store.members.setRoomRole(a.id, owner.id, 'member');
    expect(await store.members.roleIn(a.id, owner.id)).toBe('member');
  });

  it('counts a member\'s vote on an entry once, however many votes arrive at once', async () => {
    await store.faq.upsert({ id: 'install', questions: ['怎么安装？'], answer: 'npm ci', tags: [], source: 'import' });
    const [first, second] = [await member('u1'), await member('u2')];
    const counted = await Promise.all(Array.from({ length: 10 }, () => store.faq.vote('install', first.id, false)));
    expect(counted.filter(Boolean)).toHaveLength(1);
    expect(await store.faq.vote('install', second.id, false)).toBe(true);
    expect(await store.faq.get('install')).toMatchObject({ notHelpful: 2, helpful: 0 });
    expect(await store.faq.remove('install')).toBe(true);
  });

  it('counts wrong bind codes per member (any room) and per room, once per message, within the window', async () => {
    const [a, b, guesser, other] = [await room('a'), await room('b'), await member('guesser'), await member('other')];
    const say = async (roomId: number, senderId: number, id: string) =>
      (await store.messages.insertMany([{ roomId, senderId, platformMsgId: id, kind: 'text', text: '绑定 AAAA-AAAA', ts: new Date(), isSelf: false }]))[0]!.id;
    const m1 = await say(a.id, guesser.id, 'm1');
    const m2 = await say(b.id, guesser.id, 'm2');
    const m3 = await say(a.id, other.id, 'm3');
    for (const [messageId, roomId, memberId] of [[m1, a.id, guesser.id], [m1, a.id, guesser.id], [m2, b.id, guesser.id], [m3, a.id, other.id]] as const) {
      await store.tenants.recordBindCodeFailure(messageId, roomId, memberId);
    }
    const since = new Date(Date.now() - 60_000);
    expect(await store.tenants.bindCodeFailures(a.id, guesser.id, since, -1)).toEqual({ member: 2, room: 2 });
    expect(await store.tenants.bindCodeFailures(a.id, guesser.id, since, m1)).toEqual({ member: 1, room: 1 });
    expect(await store.tenants.bindCodeFailures(a.id, guesser.id, new Date(Date.now() + 1000), -1)).toEqual({ member: 0, room: 0 });
  });

  it('never redeems a code in a room bound in chat without a tenant, unless the configuration\'s admin consents', async () => {
    const target = await room('self-hosted');
    await store.rooms.setRepo(target.id, 'octo/hello');
    const tenant = await store.tenants.ensureAccount('mallory', 'user', 'mallory');
    const { code } = await store.tenants.createBindCode(tenant.id, 'evil/repo', 'mallory', 60_000);
    expect(await store.tenants.redeemBindCode(code, target.id)).toEqual({ ok: false, reason: 'selfHosted' });
    expect(await store.rooms.findById(target.id)).toMatchObject({ repo: 'octo/hello' });
    expect(await store.tenants.redeemBindCode(code, target.id, { selfHosted: true })).toMatchObject({ ok: true, repo: 'evil/repo' });
  });
});
