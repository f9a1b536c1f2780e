// A repository that keeps failing is polled at most this rarely.
const MAX_BACKOFF_MS = 15 * 60_000;
// Never look again at once: a repository due now is polled in the same look.
const MIN_WAIT_MS = 20;

/** When each repository may be polled next: the configured interval, the forge's longer one, backoff after failures, a pause for the rate limit. */
export class PollSchedule {
  private readonly next = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private pausedUntil = 0;

  constructor(private readonly intervalMs: number) {}

  due(repo: string, now: number): boolean {
    return now >= this.pausedUntil && now >= (this.next.get(repo) ?? 0);
  }

  /** The forge answered: poll again after the interval, or after the forge's least interval when that is longer. */
  polled(repo: string, now: number, minIntervalMs = 0): void {
    this.failures.delete(repo);
    this.next.set(repo, now + Math.max(this.intervalMs, minIntervalMs));
  }

  /** The poll failed: wait twice as long after each failure in a row. Returns the wait. */
  failed(repo: string, now: number): number {
    const count = (this.failures.get(repo) ?? 0) + 1;
    this.failures.set(repo, count);
    const wait = Math.min(this.intervalMs * 2 ** count, MAX_BACKOFF_MS);
    this.next.set(repo, now + wait);
    return wait;
  }

  /** Nothing is polled before `until` (the credentials' rate limit); true when this extends the pause. */
  pause(until: number): boolean {
    if (until <= this.pausedUntil) return false;
    this.pausedUntil = until;
    return true;
  }

  /** Forgets every repository but these (no longer polled). */
  keepOnly(repos: ReadonlySet<string>): void {
    for (const repo of this.next.keys()) {
      if (repos.has(repo)) continue;
      this.next.delete(repo);
      this.failures.delete(repo);
    }
  }

  /** Milliseconds until the next look: at most one interval (a new subscription is due at once), unless paused. */
  wait(now: number): number {
    const earliest = Math.min(now + this.intervalMs, ...this.next.values());
    return Math.max(Math.max(earliest, this.pausedUntil) - now, MIN_WAIT_MS);
  }
}
