import { seededRandom } from '../../bench/ingest/random.js';
/**
 * Splits items into a tuning half and a second half by a seeded shuffle. On lcqmc-dev the second
 * ("holdout") half has since guided design choices, so its figures are development figures; held-out
 * figures come from `--small-kbs` on faq-small-dev's reporting sets.
 */
export function splitHalves<T>(items: readonly T[], seed: number): { tune: T[]; holdout: T[] } {
  const next = seededRandom(seed);
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
