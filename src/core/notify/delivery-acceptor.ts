import type { Repositories, Store } from '../../store/store.js';
import { GroupCommit } from '../group-commit.js';
import type { Logger } from '../logger.js';
import { acceptIn, type AcceptOptions, type Accepted, type Delivery } from './accept-delivery.js';
import type { Subscription } from './subscription.js';

const MAX_BATCH = 500;

/** Accepts webhook deliveries with group commit (see GroupCommit): a busy webhook costs one commit per batch. */
export class DeliveryAcceptor {
  private readonly batches: GroupCommit<Delivery, Accepted>;

  constructor(store: Store, options: AcceptOptions, log: Logger) {
    this.batches = new GroupCommit(store, log, {
      write: async (tx, deliveries) => {
        const batchTx = readingSubscriptionsOnce(tx);
        const accepted: Accepted[] = [];
        for (const delivery of deliveries) accepted.push(await acceptIn(batchTx, delivery, options));
        return accepted;
      },
      maxBatch: MAX_BATCH,
      label: 'webhook deliveries',
    });
  }

  accept(delivery: Delivery): Promise<Accepted> {
    return this.batches.submit(delivery);
  }

  /** Resolves when every submitted delivery is written (or has failed). */
  drain(): Promise<void> {
    return this.batches.drain();
  }
}

/** Accepting deliveries writes no subscription, so within one batch each repository's are read once. */
function readingSubscriptionsOnce(tx: Repositories): Repositories {
  const read = new Map<string, Promise<Subscription[]>>();
  const ofRepo = (repo: string) => {
    const key = repo.toLowerCase();
    let subscriptions = read.get(key);
    if (!subscriptions) read.set(key, (subscriptions = tx.subscriptions.ofRepo(repo)));
    return subscriptions;
  };
  return { ...tx, subscriptions: { ...tx.subscriptions, ofRepo } };
}
