import { seededRandom } from '../../bench/ingest/random.js';

/**
 * What a scale-out job waits before it completes: `0` (nothing: the outbox alone), a fixed number of
 * milliseconds, or `github`: a GitHub-like call, log-normal with a median of 20 ms and a 95th
 * percentile of 60 ms (a long tail, as network calls have), cut at 1 s.
 */
export type JobWork = string;

export const GITHUB_WAIT = { medianMs: 20, p95Ms: 60, maxMs: 1000 } as const;
/** z of the 95th percentile of the standard normal distribution. */
const Z95 = 1.6449;

/** Milliseconds each successive job waits under `work`; seeded, so every run draws the same waits. */
export function jobWaits(work: JobWork, seed: number): () => number {
  if (work !== 'github') {
    const fixed = Number(work);
    if (!Number.isFinite(fixed) || fixed < 0) throw new Error(`job work must be a number of ms or "github", not ${work}`);
    return () => fixed;
  }
  const normal = standardNormal(seededRandom(seed));
  const sigma = Math.log(GITHUB_WAIT.p95Ms / GITHUB_WAIT.medianMs) / Z95;
  return () => Math.min(GITHUB_WAIT.maxMs, GITHUB_WAIT.medianMs * Math.exp(sigma * normal()));
}

/** Box–Muller: standard normal draws from uniform ones. */
function standardNormal(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Waits `ms`; no timer at all for 0, so empty jobs measure the outbox alone. */
export function pause(ms: number): Promise<void> | undefined {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
}
