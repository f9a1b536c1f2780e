import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashClaimCode, newClaimCode } from '../../src/core/admins/claim-code.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { storeFactories } from '../helpers/databases.js';

const factories = await storeFactories('admins contract tests');
const HOUR = 60 * 60_000;

/** Two codes stored; each call makes a fresh pair. */
async function codes(store: Store, expiresIn = HOUR): Promise<[string, string]> {
  const pair: [string, string] = [newClaimCode(), newClaimCode()];
  for (const code of pair) await store.admins.createClaimCode(hashClaimCode(code), new Date(Date.now() + expiresIn));
  return pair;
}

// Issue 16 §1: bot admins kept in the database and the one-time claim codes, on SQLite and PostgreSQL alike.
describe.each(factories)('admins on %s', (_name, factory) => {
  let store: Store;
  let url: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, url, cleanup } = await factory());
  });
  afterEach(async () => cleanup());

  const me = { platform: 'wechat', externalId: 'wxid_me' };

  it('adds an admin once, lists it with the name the bot knows, and removes it', async () => {
    await store.members.upsert({ platform: 'wechat', externalId: 'wxid_me', name: '张三' });
    expect(await store.admins.add({ ...me, addedBy: 'cli' })).toBe(true);
    expect(await store.admins.add({ ...me, addedBy: 'cli' })).toBe(false);
    expect(await store.admins.add({ platform: '*', externalId: 'someone', addedBy: 'wechat:wxid_me' })).toBe(true);
    expect(await store.admins.list()).toEqual([
      { ...me, name: '张三', addedBy: 'cli', addedAt: expect.any(Date) },
      { platform: '*', externalId: 'someone', name: null, addedBy: 'wechat:wxid_me', addedAt: expect.any(Date) },
    ]);
    expect(await store.admins.remove('wechat', 'wxid_me')).toBe(true);
    expect(await store.admins.remove('wechat', 'wxid_me')).toBe(false);
    expect((await store.admins.list()).map((admin) => admin.externalId)).toEqual(['someone']);
  });

  it('redeems a live code once, retires the other codes, and refuses every code once an admin exists', async () => {
    const [first, second] = await codes(store);
    expect(await store.admins.redeemClaimCode(hashClaimCode('ABCD-EFGH-JKLM'), me)).toEqual({ ok: false, reason: 'unknown' });
    expect(await store.admins.redeemClaimCode(hashClaimCode(first), me)).toEqual({ ok: true });
    expect(await store.admins.list()).toEqual([{ ...me, name: null, addedBy: 'claim', addedAt: expect.any(Date) }]);
    expect(await store.admins.redeemClaimCode(hashClaimCode(second), { platform: 'wechat', externalId: 'other' })).toEqual({ ok: false, reason: 'adminExists' });
    const [late] = await codes(store);
    expect(await store.admins.redeemClaimCode(hashClaimCode(late), { platform: 'wechat', externalId: 'other' })).toEqual({ ok: false, reason: 'adminExists' });
    // With the admin gone, the used code and the one retired with it still claim nothing.
    await store.admins.remove(me.platform, me.externalId);
    expect(await store.admins.redeemClaimCode(hashClaimCode(first), me)).toEqual({ ok: false, reason: 'used' });
    expect(await store.admins.redeemClaimCode(hashClaimCode(second), me)).toEqual({ ok: false, reason: 'used' });
    expect(await store.admins.list()).toEqual([]);
    expect(await store.admins.redeemClaimCode(hashClaimCode(late), me)).toEqual({ ok: true });
  });

  it('refuses an expired code', async () => {
    const [stale] = await codes(store, -1000);
    expect(await store.admins.redeemClaimCode(hashClaimCode(stale), me)).toEqual({ ok: false, reason: 'expired' });
    expect(await store.admins.list()).toEqual([]);
  });

  it('makes one admin when two processes redeem four codes at the same moment, round after round', async () => {
    const other = url === ':memory:' ? undefined : await openStore(url);
    const second = other ?? store;
    try {
      // Both pools hold a live connection first, so the four transactions really overlap.
      await Promise.all([store.ping(), second.ping(), store.ping(), second.ping()]);
      for (let round = 0; round < 3; round++) {
        const all = [...(await codes(store)), ...(await codes(store))];
        const results = await Promise.all(all.map((code, i) => (i % 2 ? second : store).admins.redeemClaimCode(hashClaimCode(code), { platform: 'wechat', externalId: `rival${i}` })));
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        const admins = await store.admins.list();
        expect(admins).toHaveLength(1);
        await store.admins.remove(admins[0]!.platform, admins[0]!.externalId);
      }
    } finally {
      await other?.close();
    }
  });

  it('counts wrong claim codes per member and for everyone, apart from wrong bind codes, once per message', async () => {
    const room = await store.rooms.upsert({ platform: 'wechat', externalId: 'g', kind: 'group', topic: 'g' });
    const [guesser, other] = [await store.members.upsert({ platform: 'wechat', externalId: 'guesser' }), await store.members.upsert({ platform: 'wechat', externalId: 'x' })];
    const say = async (senderId: number, id: string) =>
      (await store.messages.insertMany([{ roomId: room.id, senderId, platformMsgId: id, kind: 'text', text: '/claim AAAA-AAAA-AAAA', ts: new Date(), isSelf: false, command: 'claim' }]))[0]!.id;
    const [m1, m2, m3] = [await say(guesser.id, 'm1'), await say(other.id, 'm2'), await say(guesser.id, 'm3')];
    await store.admins.recordClaimFailure(m1, room.id, guesser.id);
    await store.admins.recordClaimFailure(m1, room.id, guesser.id);
    await store.admins.recordClaimFailure(m2, room.id, other.id);
    await store.tenants.recordBindCodeFailure(m3, room.id, guesser.id);
    const since = new Date(Date.now() - 60_000);
    expect(await store.admins.claimFailures(guesser.id, since, -1)).toEqual({ member: 1, all: 2 });
    expect(await store.admins.claimFailures(guesser.id, since, m1)).toEqual({ member: 0, all: 1 });
    expect(await store.tenants.bindCodeFailures(room.id, guesser.id, since, -1)).toEqual({ member: 1, room: 1 });
    expect(await store.admins.claimFailures(guesser.id, new Date(Date.now() + 1000), -1)).toEqual({ member: 0, all: 0 });
  });

  it('finds members by platform id on any platform, and by name among those who spoke in a room', async () => {
    const room = await store.rooms.upsert({ platform: 'wechat', externalId: 'g', kind: 'group', topic: 'g' });
    const li = await store.members.upsert({ platform: 'wechat', externalId: 'u3', name: '李四' });
    await store.members.upsert({ platform: 'wechat', externalId: 'u4', name: '李四' });
    await store.members.upsert({ platform: 'stdio', externalId: 'u3', name: 'Li' });
    await store.messages.insertMany([{ roomId: room.id, senderId: li.id, platformMsgId: 'm1', kind: 'text', text: 'hi', ts: new Date(), isSelf: false }]);
    expect((await store.admins.membersNamed(room.id, '李四')).map((m) => m.externalId)).toEqual(['u3']);
    expect(await store.admins.membersNamed(room.id, '王五')).toEqual([]);
    expect((await store.admins.membersWithId('u3')).map((m) => m.platform).sort()).toEqual(['stdio', 'wechat']);
  });
});

describe('admin claims on one SQLite file opened by two processes', () => {
  it('keeps the claim in the file: a code used through one connection claims nothing through the other', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'osschat-admins-')), 'osschat.db');
    const [one, two] = [await openStore(file), await openStore(file)];
    try {
      const [a, b] = await codes(one);
      expect(await one.admins.redeemClaimCode(hashClaimCode(a), { platform: 'wechat', externalId: 'x' })).toEqual({ ok: true });
      expect(await two.admins.redeemClaimCode(hashClaimCode(a), { platform: 'wechat', externalId: 'y' })).toEqual({ ok: false, reason: 'adminExists' });
      await two.admins.remove('wechat', 'x');
      expect(await two.admins.redeemClaimCode(hashClaimCode(b), { platform: 'wechat', externalId: 'z' })).toEqual({ ok: false, reason: 'used' });
    } finally {
      await one.close();
      await two.close();
    }
  });
});
