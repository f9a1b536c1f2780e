/** The answer when every computation slot and every queue place is taken: come back later. */
export const BUSY = Symbol('busy');

export interface ComputeCacheOptions {
  /** Results kept, least recently used dropped first. */
  maxEntries: number;
  /** How long a result is served before it is computed again. */
  freshMs: number;
  /** Computations running at once. */
  concurrency: number;
  /** Computations waiting for a slot; past that, callers get BUSY. */
  maxQueued: number;
}

/**
 * Results by key, computed at most once at a time per key (later callers await the same run),
 * at most `concurrency` runs at a time overall, a bounded queue behind them, and a bounded LRU of
 * results: however many distinct keys arrive, the work and the memory stay bounded.
 */
export class ComputeCache<T> {
  private readonly results = new Map<string, { at: number; value: T }>();
  private readonly running = new Map<string, Promise<T>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;

  constructor(private readonly options: ComputeCacheOptions) {}

  async get(key: string, compute: () => Promise<T>): Promise<T | typeof BUSY> {
    const hit = this.results.get(key);
    if (hit && Date.now() - hit.at < this.options.freshMs) {
      this.results.delete(key); // most recently used last
      this.results.set(key, hit);
      return hit.value;
    }
    const pending = this.running.get(key);
    if (pending) return pending;
    if (this.active >= this.options.concurrency && this.waiting.length >= this.options.maxQueued) return BUSY;
    const run = this.run(key, compute).finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  private async run(key: string, compute: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const value = await compute();
      this.results.delete(key);
      this.results.set(key, { at: Date.now(), value });
      if (this.results.size > this.options.maxEntries) this.results.delete(this.results.keys().next().value!);
      return value;
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot straight to the next waiter, so nobody can slip in between. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
