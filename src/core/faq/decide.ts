import type { FaqCandidate, FaqSettings } from './types.js';

/**
 * Scores are the reranker's confidence (see rerank-model.ts). Chosen by `scripts/faq-eval.ts
 * --split tune --sweep --max-false-rate 0.12` on a random half of lcqmc-dev (seed 20240601): the
 * fewest false answers within one standard error of the best decision accuracy among settings
 * answering at most 12% of unanswerable queries. Every margin above 0 did worse: the decider
 * already weighs the lead, and the closest rival is often an entry asking the same thing.
 */
export const DEFAULT_FAQ_SETTINGS: Readonly<FaqSettings> = { threshold: 0.55, margin: 0 };

/**
 * The candidate to answer with, or null to stay silent: the best must score at least
 * `threshold` and lead by `margin` the next candidate that would give a different answer
 * (another entry with the same answer text is no rival).
 */
export function decide(candidates: readonly FaqCandidate[], settings: FaqSettings = DEFAULT_FAQ_SETTINGS): FaqCandidate | null {
  const [best, ...rest] = candidates;
  if (best === undefined || best.score < settings.threshold) return null;
  const answer = best.answer.trim();
  const rival = rest.find((candidate) => candidate.id !== best.id && candidate.answer.trim() !== answer);
  if (rival !== undefined && best.score - rival.score < settings.margin) return null;
  return best;
}
