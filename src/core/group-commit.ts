import type { Repositories, Store } from '../store/store.js';
import type { Logger } from './logger.js';

/** Tries after a transient failure, waiting 0.1, 0.2 … 3.2 s: rides out a database restart or failover. */
const TRANSIENT_RETRIES = 6;

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
}

/**
 * Group commit: items submitted while a write is running go into the next transaction together,
 * in order, so a busy stream costs one commit per batch. Each caller's promise settles only after
 * its item is committed; a failed batch is retried one by one, so one bad item fails alone.
 */
export class GroupCommit<I, O> {
  private queue: Pending<I, O>[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly options: GroupCommitOptions<I, O>,
  ) {}

  submit(item: I): Promise<O> {
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

  private async writeBatch(batch: Pending<I, O>[], tries = 0): Promise<void> {
    try {
      const results = await this.store.transaction((tx) => this.options.write(tx, batch.map((pending) => pending.item)));
      this.options.onCommit?.(results);
      batch.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      this.options.onRollback?.();
      // A cut connection or a long lock fails the batch, not its items: write it again, as it was.
      if (tries < TRANSIENT_RETRIES && this.store.isTransient?.(error)) {
        this.log.warn({ err: error, size: batch.length, try: tries + 1 }, `database unavailable while writing ${this.options.label}; writing again`);
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** tries));
        return this.writeBatch(batch, tries + 1);
      }
      if (batch.length === 1) return batch[0]!.reject(error);
      this.log.warn({ err: error, size: batch.length }, `batch of ${this.options.label} failed; retrying one by one`);
      for (const pending of batch) await this.writeBatch([pending]);
    }
  }
}
