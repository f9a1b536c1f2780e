import type { Logger } from './logger.js';

const SAY_AGAIN_MS = 30_000;
const LONGEST_PAUSE_MS = 2000;

/**
 * Waits out a database outage between writes, and says so in the log: when it begins, every 30 s
 * while it lasts (with how many items wait), and when it ends. Never gives up: the items are kept.
 */
export class OutageWait {
  private since: number | undefined;
  private saidAt = 0;
  private pauses = 0;

  constructor(private readonly log: Logger, private readonly label: string) {}

  get active(): boolean {
    return this.since !== undefined;
  }

  /** Seconds since the outage began (0 when there is none). */
  get seconds(): number {
    return this.since === undefined ? 0 : Math.round((Date.now() - this.since) / 1000);
  }

  /** Logs `advice` when due, then pauses before the next try: 0.1 s, doubling up to 2 s. */
  async pause(advice: string, waiting: number): Promise<void> {
    const now = Date.now();
    if (this.since === undefined) this.since = now;
    if (this.pauses === 0 || now - this.saidAt >= SAY_AGAIN_MS) {
      this.saidAt = now;
      this.log.error({ waiting, seconds: this.seconds, items: this.label }, advice);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** this.pauses++, LONGEST_PAUSE_MS)));
  }

  /** A write succeeded: an outage, if there was one, is over. */
  ended(written: number): void {
    if (this.since === undefined) return;
    this.log.warn({ seconds: this.seconds, written, items: this.label }, `database: available again after ${this.seconds} s; the ${this.label} kept meanwhile are being written`);
    this.since = undefined;
    this.pauses = 0;
  }
}
