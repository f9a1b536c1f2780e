import type { KindFilter, OutboxJob, Store } from '../../store/store.js';
import { OsschatError } from '../errors.js';
import { Deferred } from './deferred.js';
import type { Logger } from '../logger.js';

export interface JobHandler {
  run(job: OutboxJob): Promise<void>;
  /** Called once when the job has failed for good (not retryable, or out of attempts). */
  onFailure?(job: OutboxJob, error: unknown): Promise<void>;
}

export interface WorkerOptions {
  store: Store;
  handlers: Record<string, JobHandler>;
  log: Logger;
  /** How long a claimed job is ours; a worker that dies leaves it to be claimed again after this. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based). */
  backoff?: (attempt: number) => number;
  pollMs?: number;
  /** The job kinds this process runs (a function: it may change, e.g. when a standby becomes the chat leader); all when absent. */
  kinds?: KindFilter | (() => KindFilter | undefined);
}

const defaultBackoff = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 10 * 60_000);

/** Runs outbox jobs: claims the due ones, runs them in order per room, retries with backoff. */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** What the last run failed on, while the database is away. */
  private outage: string | undefined;

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Runs due jobs now (new work was enqueued). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.runDue().then(
      () => {
        if (this.outage) this.options.log.info({}, 'outbox: the database is back; running jobs again');
        this.outage = undefined;
        this.afterRun();
      },
      (error: unknown) => {
        this.runFailed(error);
        this.afterRun();
      },
    );
  }

  /** A database outage fails every poll: it is said once, not once a second. */
  private runFailed(error: unknown): void {
    const outage = this.options.store.outageOf?.(error)?.advice ?? (this.options.store.isTransient?.(error) ? 'database unavailable' : undefined);
    if (outage !== undefined && outage === this.outage) return;
    this.outage = outage;
    if (outage) this.options.log.warn({ err: error }, `outbox: paused until the database answers (${outage})`);
    else this.options.log.error({ err: error }, 'outbox: run failed');
  }

  private afterRun(): void {
    this.running = undefined;
    if (this.again) {
      this.again = false;
      return this.wake();
    }
    if (!this.stopped) this.timer = setTimeout(() => this.wake(), this.options.pollMs ?? 1000).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  /** Claims and runs every job due at this moment, until none is left; returns how many ran. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await this.options.store.outbox.claimDue(new Date(), 20, this.options.leaseMs ?? 60_000, this.kinds());
      if (jobs.length === 0) return total;
      total += jobs.length;
      await Promise.all(groupByRoom(jobs).map((group) => this.runInOrder(group)));
    }
  }

  /** Runs due jobs, waiting for retries due within `horizonMs`; later ones stay for the next start. */
  async drain(horizonMs: number): Promise<void> {
    for (;;) {
      await this.runDue();
      const next = await this.options.store.outbox.nextAttemptAt(this.kinds());
      if (!next || next.getTime() - Date.now() > horizonMs) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next.getTime() - Date.now())));
    }
  }

  private kinds(): KindFilter | undefined {
    const { kinds } = this.options;
    return typeof kinds === 'function' ? kinds() : kinds;
  }

  private async runInOrder(jobs: OutboxJob[]): Promise<void> {
    for (const job of jobs) await this.runOne(job);
  }

  private async runOne(job: OutboxJob): Promise<void> {
    const handler = this.options.handlers[job.kind];
    try {
      if (!handler) throw new OsschatError('bad-input', `no handler for job kind ${job.kind}`);
      await this.holdingLease(job, () => handler.run(job));
      await this.options.store.outbox.complete(job.id);
    } catch (error) {
      await this.failed(job, handler, error);
    }
  }

  /** Renews the job's lease while it runs, so that only a dead worker's jobs go to another. */
  private async holdingLease(job: OutboxJob, run: () => Promise<void>): Promise<void> {
    const leaseMs = this.options.leaseMs ?? 60_000;
    const renew = () => void this.options.store.outbox.extendLease(job.id, leaseMs).catch((error: unknown) => this.options.log.warn({ err: error, job: job.id }, 'outbox: lease not renewed'));
    const timer = setInterval(renew, leaseMs / 3).unref();
    try {
      await run();
    } finally {
      clearInterval(timer);
    }
  }

  private async failed(job: OutboxJob, handler: JobHandler | undefined, error: unknown): Promise<void> {
    if (error instanceof Deferred) return this.options.store.outbox.defer(job.id, error.until);
    const retryable = error instanceof OsschatError ? error.retryable : true;
    const maxAttempts = this.options.maxAttempts ?? 8;
    const reason = error instanceof Error ? error.message : String(error);
    if (retryable && job.attempts < maxAttempts) {
      const delay = (this.options.backoff ?? defaultBackoff)(job.attempts);
      this.options.log.warn({ job: job.id, kind: job.kind, attempt: job.attempts, retryInMs: delay, reason }, 'outbox: job failed, will retry');
      return this.options.store.outbox.fail(job.id, reason, new Date(Date.now() + delay));
    }
    this.options.log.error({ job: job.id, kind: job.kind, attempts: job.attempts, reason }, 'outbox: job failed for good');
    await this.options.store.outbox.fail(job.id, reason, null);
    await handler?.onFailure?.(job, error).catch((cause: unknown) => this.options.log.error({ err: cause, job: job.id }, 'outbox: failure handler failed'));
  }
}

function groupByRoom(jobs: OutboxJob[]): OutboxJob[][] {
  const groups = new Map<string, OutboxJob[]>();
  for (const job of jobs) {
    const key = job.roomId === null ? `job:${job.id}` : `room:${job.roomId}`;
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  return [...groups.values()];
}
