/** A small seeded generator (mulberry32), so a split is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits items into a tuning half and a held-out half by a seeded shuffle. */
export function splitHalves<T>(items: readonly T[], seed: number): { tune: T[]; holdout: T[] } {
  const next = random(seed);
  const order = items.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const half = Math.ceil(items.length / 2);
  return {
    tune: order.slice(0, half).map((index) => items[index] as T),
    holdout: order.slice(half).map((index) => items[index] as T),
  };
}
