/**
 * Counts per key with a ceiling on how many keys it holds: past `capacity` the rarest keys are
 * dropped (lossy counting), so a long history of one-off words or links never exhausts memory.
 * Frequent keys keep their exact counts unless they were once rare and pruned.
 */
export class BoundedCounts {
  private readonly counts = new Map<string, number>();

  constructor(private readonly capacity = 250_000) {}

  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
    if (this.counts.size > this.capacity) this.prune();
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  entries(): IterableIterator<[string, number]> {
    return this.counts.entries();
  }

  /** The `n` keys with the highest counts (ties by key), highest first. */
  top(n: number): { key: string; count: number }[] {
    return [...this.counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)).slice(0, n);
  }

  private prune(): void {
    const target = Math.floor(this.capacity * 0.7);
    for (let floor = 1; this.counts.size > target; floor++) {
      for (const [key, count] of this.counts) if (count <= floor) this.counts.delete(key);
    }
  }
}
