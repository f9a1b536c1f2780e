import type { Repositories, Store } from '../store/store.js';
import type { Logger } from './logger.js';
import { OutageWait } from './outage-wait.js';

/** Items kept in memory while the database is away, beyond the batch being written. */
const MAX_WAITING = 10_000;
const SAY_REFUSED_MS = 5000;

interface Pending<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions<I, O> {
  /** Writes a batch in one transaction; returns one result per item, in order. */
  write: (tx: Repositories, items: I[]) => Promise<O[]>;
  maxBatch: number;
  /** What the items are, for the log. */
  label: string;
  /** After a commit, before the callers hear of it. */
  onCommit?: (results: O[]) => void;
  /** After a rolled-back batch: drop whatever was cached from it. */
  onRollback?: () => void;
  /** Items kept waiting while the database is away; more are refused, loudly (default 10,000). */
  maxWaiting?: number;
}

/** Raised for an item refused because the database is away and too many items wait already. */
export class WaitingFullError extends Error {}

/**
 * Group commit: items submitted while a write is running go into the next transaction together,
 * in order, so a busy stream costs one commit per batch. Each caller's promise settles only after
 * its item is committed; a failed batch is retried one by one, so one bad item fails alone.
 * While the database is away (cut connection, lock, full disk) the batch is written again until
 * it returns, however long that takes; callers wait, which slows an adapter that can wait (stdio).
 */
export class GroupCommit<I, O> {
  private queue: Pending<I, O>[] = [];
  private flushing: Promise<void> | undefined;
  private readonly outage: OutageWait;
  private refused = 0;
  private refusedSaidAt = 0;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly options: GroupCommitOptions<I, O>,
  ) {
    this.outage = new OutageWait(log, options.label);
  }

  submit(item: I): Promise<O> {
    if (this.outage.active && this.queue.length >= (this.options.maxWaiting ?? MAX_WAITING)) return Promise.reject(this.refuse());
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.flushing ??= new Promise<void>((done) => setImmediate(done)).then(() => this.flush());
    });
  }

  /** Resolves when every submitted item is written (or has failed). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) await this.writeBatch(this.queue.splice(0, this.options.maxBatch));
    this.flushing = undefined;
  }

  private async writeBatch(batch: Pending<I, O>[]): Promise<void> {
    for (;;) {
      try {
        const results = await this.store.transaction((tx) => this.options.write(tx, batch.map((pending) => pending.item)));
        this.outage.ended(batch.length + this.queue.length);
        this.options.onCommit?.(results);
        return batch.forEach((pending, index) => pending.resolve(results[index]!));
      } catch (error) {
        this.options.onRollback?.();
        const advice = this.adviceFor(error);
        if (advice === undefined) return this.writeApart(batch, error);
        // The batch failed, not its items: write it again, as it was, once the database is back.
        await this.outage.pause(advice, batch.length + this.queue.length);
      }
    }
  }

  private async writeApart(batch: Pending<I, O>[], error: unknown): Promise<void> {
    if (batch.length === 1) return batch[0]!.reject(error);
    this.log.warn({ err: error, size: batch.length }, `batch of ${this.options.label} failed; retrying one by one`);
    for (const pending of batch) await this.writeBatch([pending]);
  }

  /** The log line for an outage, or undefined when the error is the batch's own. */
  private adviceFor(error: unknown): string | undefined {
    const outage = this.store.outageOf?.(error);
    if (outage) return outage.advice;
    return this.store.isTransient?.(error) ? `database unavailable (${(error as Error).message}); the ${this.options.label} are kept and will be written when it returns` : undefined;
  }

  private refuse(): WaitingFullError {
    this.refused += 1;
    const message = `database away for ${this.outage.seconds} s and ${this.queue.length} ${this.options.label} wait in memory (the limit): refused ${this.refused} so far — they are NOT stored`;
    if (Date.now() - this.refusedSaidAt >= SAY_REFUSED_MS) {
      this.refusedSaidAt = Date.now();
      this.log.error({ waiting: this.queue.length, refused: this.refused }, message);
    }
    return new WaitingFullError(message);
  }
}
