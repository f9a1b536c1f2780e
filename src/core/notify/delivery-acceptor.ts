import type { Repositories, Store } from '../../store/store.js';
import type { Logger } from '../logger.js';
import { acceptIn, type AcceptOptions, type Accepted, type Delivery } from './accept-delivery.js';
import type { Subscription } from './subscription.js';

interface Pending {
  delivery: Delivery;
  resolve: (accepted: Accepted) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 500;

/**
 * acceptDelivery with group commit: deliveries submitted while a write is running go into the
 * next transaction together, in order, so a busy webhook costs one commit per batch. Each
 * caller's promise settles only after its delivery is committed.
 */
export class DeliveryAcceptor {
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: AcceptOptions,
    private readonly log: Logger,
  ) {}

  accept(delivery: Delivery): Promise<Accepted> {
    return new Promise((resolve, reject) => {
      this.queue.push({ delivery, resolve, reject });
      this.flushing ??= new Promise<void>((done) => setImmediate(done)).then(() => this.flush());
    });
  }

  /** Resolves when every submitted delivery is written (or has failed). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      await this.writeBatch(batch);
    }
    this.flushing = undefined;
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      const results = await this.store.transaction(async (tx) => {
        const batchTx = readingSubscriptionsOnce(tx);
        const accepted: Accepted[] = [];
        for (const { delivery } of batch) accepted.push(await acceptIn(batchTx, delivery, this.options));
        return accepted;
      });
      batch.forEach((item, index) => item.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // Retry one by one: one bad delivery must not fail the others in its batch.
      this.log.warn({ err: error, size: batch.length }, 'webhook batch write failed; retrying deliveries one by one');
      for (const item of batch) await this.writeBatch([item]);
    }
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
