import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcceptOptions, Delivery } from '../../../src/core/notify/accept-delivery.js';
import { DeliveryAcceptor } from '../../../src/core/notify/delivery-acceptor.js';
import type { ForgeEvent } from '../../../src/core/notify/forge-event.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';

let store: Store;
let transactions: number;
let warnings: string[];
const log: Logger = { ...silentLogger, warn: (_obj, msg) => void warnings.push(msg ?? '') };
const options: AcceptOptions = { digestAt: () => new Date(Date.UTC(2026, 10, 25, 1)) };

beforeEach(async () => {
  store = await openStore(':memory:');
  transactions = 0;
  warnings = [];
  const transaction = store.transaction.bind(store);
  store = { ...store, transaction: (work) => ((transactions += 1), transaction(work)) };
  const room = await store.rooms.upsert({ platform: 'test', externalId: 'r1', kind: 'group', topic: '订阅群' });
  await store.subscriptions.upsert({ roomId: room.id, repo: 'octo/hello', features: ['issues'], filters: {} });
});
afterEach(async () => store.close());

function opened(deliveryId: string, repo = 'octo/hello'): Delivery {
  const event: ForgeEvent = { deliveryId, name: 'issues', action: 'opened', feature: 'issues', repo, actor: { login: 'octocat', isBot: false }, number: 1, title: 't', url: 'https://github.com/octo/hello/issues/1', labels: [] };
  return { kind: 'event', name: 'issues', deliveryId, event };
}

describe('DeliveryAcceptor', () => {
  it('writes deliveries submitted together in one transaction, in order', async () => {
    const acceptor = new DeliveryAcceptor(store, options, log);
    const results = await Promise.all([
      acceptor.accept(opened('d1')),
      acceptor.accept({ kind: 'ping', name: 'ping', deliveryId: 'd2' }),
      acceptor.accept(opened('d1')),
      acceptor.accept({ kind: 'ignored', name: 'star', deliveryId: 'd3', reason: 'not forwarded: star' }),
      acceptor.accept(opened('d4', 'octo/other')),
    ]);
    expect(results).toEqual([
      { status: 'accepted', rooms: 1 },
      { status: 'ping', reason: 'not forwarded' },
      { status: 'duplicate' },
      { status: 'ignored', reason: 'not forwarded: star' },
      { status: 'accepted', rooms: 0 },
    ]);
    expect(transactions).toBe(1);
    expect((await store.outbox.list()).map((job) => job.idempotencyKey)).toEqual(['notify:d1:1']);
    expect(await acceptor.accept(opened('d1'))).toEqual({ status: 'duplicate' });
  });

  it('settles each caller only after its delivery is committed', async () => {
    const acceptor = new DeliveryAcceptor(store, options, log);
    const accepted = acceptor.accept(opened('d1'));
    expect(await store.outbox.counts()).toMatchObject({ pending: 0 });
    await accepted;
    expect(await store.outbox.counts()).toMatchObject({ pending: 1 });
  });

  it('retries a failed batch one by one, so only the bad delivery fails', async () => {
    const configured: AcceptOptions['configured'] = async (_tx, repo) => {
      if (repo === 'octo/broken') throw new Error('unreadable configuration');
      return [];
    };
    const acceptor = new DeliveryAcceptor(store, { ...options, configured }, log);
    const results = await Promise.allSettled([acceptor.accept(opened('d1')), acceptor.accept(opened('d2', 'octo/broken')), acceptor.accept(opened('d3'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(warnings).toHaveLength(1);
    expect(transactions).toBe(4);
    expect(await store.deliveries.record('d2', 'issues')).toBe(true);
    expect((await store.outbox.list()).map((job) => job.idempotencyKey)).toEqual(['notify:d1:1', 'notify:d3:1']);
  });

  it('drains: resolves once every submitted delivery is written', async () => {
    const acceptor = new DeliveryAcceptor(store, options, log);
    void acceptor.accept(opened('d1'));
    void acceptor.accept(opened('d2'));
    await acceptor.drain();
    expect(await store.outbox.counts()).toMatchObject({ pending: 2 });
  });
});
