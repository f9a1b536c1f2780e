import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../../src/core/context.js';
import { DEFAULT_ISSUE_SETTINGS } from '../../../src/core/default-services.js';
import { translator } from '../../../src/core/i18n/translate.js';
import { claimForgeWrite } from '../../../src/core/issue/forge-quota.js';
import type { Store } from '../../../src/store/store.js';
import { storeFactories } from '../../helpers/databases.js';

const factories = await storeFactories('forge quota');

// The quota is counted in the database: the same on SQLite and PostgreSQL, and for two workers at once.
describe.each(factories)('forge write quota on %s', (_name, factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await factory());
  });
  afterEach(async () => cleanup());

  async function contextFor(roomId: string, messageId: number, perMember = 2): Promise<ChatContext> {
    const room = await store.rooms.upsert({ platform: 'test', externalId: roomId, kind: 'group', topic: roomId });
    const sender = await store.members.upsert({ platform: 'test', externalId: 'u1', name: '张三' });
    const quota = { perMember: { count: perMember, minutes: 10 }, perRoom: { count: 20, minutes: 60 } };
    return { isAdmin: false, store, room, sender, message: { id: messageId }, services: { issues: { ...DEFAULT_ISSUE_SETTINGS, quota } }, t: translator('en') } as unknown as ChatContext;
  }

  it('accepts up to the count in the window, then says when a write is free again; a retry passes', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 2, minute));
    expect(await claimForgeWrite(await contextFor('r1', 1), 'issue', at(0))).toBeUndefined();
    expect(await claimForgeWrite(await contextFor('r2', 2), 'comment', at(4))).toBeUndefined();
    expect(await claimForgeWrite(await contextFor('r1', 3), 'issue', at(5))).toMatch(/in the last 10 minutes, the most allowed\. Please try again in 5 min\.$/);
    expect(await claimForgeWrite(await contextFor('r1', 1), 'issue', at(6))).toBeUndefined();
    expect(await claimForgeWrite(await contextFor('r1', 3), 'issue', at(10))).toBeUndefined();
  });

  it('lets one of two simultaneous claims of the same member through when one is left', async () => {
    const [a, b] = [await contextFor('r1', 11, 1), await contextFor('r2', 12, 1)];
    const results = await Promise.all([claimForgeWrite(a, 'issue'), claimForgeWrite(b, 'issue')]);
    expect(results.filter((refusal) => refusal === undefined)).toHaveLength(1);
  });
});
