import type { EventPoll, Forge } from '../../forge/forge.js';
import type { Store } from '../../store/store.js';
import { OsschatError } from '../errors.js';
import type { Logger } from '../logger.js';
import { acceptIn, type AcceptOptions } from './accept-delivery.js';
import { PollSchedule } from './poll-schedule.js';
import { pollTargets } from './poll-targets.js';

export interface EventPollerOptions {
  store: Store;
  forge: Pick<Forge, 'name'> & Required<Pick<Forge, 'pollEvents'>>;
  intervalMs: number;
  /** The same options the webhook path accepts deliveries with. */
  accept: AcceptOptions;
  /** Repositories rooms subscribe to in the configuration (rooms[].subscribe), as configured now. */
  configuredRepos: () => readonly string[];
  /** True while this process may poll: the one that leads the chat, so a deployment polls once. */
  leading: () => boolean;
  /** Tells the outbox worker that notifications wait. */
  wake: () => void;
  log: Logger;
  now?: () => number;
}

// Without an answer that names a time, a rate limit pauses polling this long.
const RATE_LIMIT_PAUSE_MS = 60_000;

/**
 * Polls the forge for what webhooks would have delivered, for bots that no webhook can reach, and
 * feeds it to the same notification jobs: each new event is accepted like a webhook delivery, in one
 * transaction with the repository's cursor, so a crash or restart neither repeats nor loses one.
 */
export class EventPoller {
  private readonly schedule: PollSchedule;
  private readonly now: () => number;
  private readonly startedAt: Date;
  // The last warning per repository: a failure is logged once, not once per poll.
  private readonly told = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: EventPollerOptions) {
    this.schedule = new PollSchedule(options.intervalMs);
    this.now = options.now ?? Date.now;
    this.startedAt = new Date(this.now());
  }

  start(): void {
    this.later(0);
  }

  /** Stops polling; resolves once a poll under way has written what it found. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private later(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.look().then((wait) => this.later(wait));
    }, ms);
    this.timer.unref();
  }

  /** Polls every repository that is due; returns how long to wait before looking again. */
  private async look(): Promise<number> {
    try {
      if (this.options.leading()) await this.pollDue();
    } catch (error) {
      this.warnOnce('', { err: error }, 'polling: could not read what to poll from the database; trying again');
    }
    return this.schedule.wait(this.now());
  }

  private async pollDue(): Promise<void> {
    const { store, forge } = this.options;
    const targets = await pollTargets(store, this.options.configuredRepos(), this.startedAt);
    const repos = new Set(targets.map((target) => target.repo));
    this.schedule.keepOnly(repos);
    await store.polling.forget(forge.name, (await store.polling.polled(forge.name)).filter((repo) => !repos.has(repo)));
    this.told.delete('');
    for (const { repo, since } of targets) {
      if (this.stopped) return;
      if (this.schedule.due(repo, this.now())) await this.pollRepo(repo, since);
    }
  }

  private async pollRepo(repo: string, since: Date): Promise<void> {
    const { store, forge } = this.options;
    try {
      const result = await forge.pollEvents(repo, await store.polling.cursor(forge.name, repo), since);
      this.schedule.polled(repo, this.now(), result.minIntervalMs);
      if (result.rateLimitedUntil) this.pause(result.rateLimitedUntil, repo);
      if (result.gap) this.options.log.warn({ repo }, 'polling: more happened since the last poll than GitHub lists (300 events); the oldest of it was not seen');
      if (result.changed && result.cursor) await this.accept(repo, result);
    } catch (error) {
      return this.failed(repo, error);
    }
    if (this.told.delete(repo)) this.options.log.info({ repo }, 'polling: works again');
  }

  /** Accepts the new events as deliveries and moves the cursor, all in one transaction. */
  private async accept(repo: string, result: EventPoll): Promise<void> {
    const { store, forge } = this.options;
    const rooms = await store.transaction(async (tx) => {
      let count = 0;
      for (const event of result.events) {
        const accepted = await acceptIn(tx, { kind: 'event', name: event.name, deliveryId: event.deliveryId, event }, this.options.accept);
        if (accepted.status === 'accepted') count += accepted.rooms;
      }
      await tx.polling.saveCursor(forge.name, repo, result.cursor!);
      return count;
    });
    if (rooms > 0) this.options.wake();
    if (result.events.length > 0) this.options.log.info({ repo, events: result.events.length, notifications: rooms }, 'polling: new events');
  }

  private failed(repo: string, error: unknown): void {
    const wait = this.schedule.failed(repo, this.now());
    if (error instanceof OsschatError && error.code === 'forge-rate-limited') this.pause(new Date(this.now() + RATE_LIMIT_PAUSE_MS), repo);
    const reason = error instanceof Error ? error.message : String(error);
    this.warnOnce(repo, { repo, reason, retryInSeconds: Math.round(wait / 1000) }, `polling: ${repo} failed (${reason}); trying again later`);
  }

  /** The rate limit is the credentials', not the repository's: every repository waits. Said once per pause. */
  private pause(until: Date, repo: string): void {
    if (!this.schedule.pause(until.getTime())) return;
    this.options.log.warn({ repo, until: until.toISOString() }, `polling: GitHub's rate limit is reached; polling pauses until ${until.toISOString()}`);
  }

  private warnOnce(key: string, fields: object, message: string): void {
    if (this.told.get(key) === message) return;
    this.told.set(key, message);
    this.options.log.warn(fields, message);
  }
}
