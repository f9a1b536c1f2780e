import { BoundedCounts } from './bounded-counts.js';

/** Two windows compared for trending keywords: `current` against the `previous` one just before it. */
export interface TrendWindows {
  current: { start: number; end: number };
  previous: { start: number; end: number };
}

const DEFAULT_TREND_MS = 28 * 86_400_000;

/**
 * The period's windows: with a start, the period against as long a span just before it; with
 * none, the last 28 days of the period against the 28 before. Needs the period's end (or the
 * newest message's time); without it there is no trend.
 */
export function trendWindows(start: number | undefined, end: number | undefined): TrendWindows | undefined {
  if (end === undefined) return undefined;
  const from = start ?? end - DEFAULT_TREND_MS;
  const length = end - from;
  return { current: { start: from, end }, previous: { start: from - length, end: from } };
}

const within = (ts: number, window: { start: number; end: number }) => ts >= window.start && ts < window.end;

/** TF-IDF of the period's words against the whole history, and words rising between trend windows. */
export class KeywordCounter {
  private documents = 0;
  private readonly documentFrequency = new BoundedCounts();
  private readonly periodCounts = new BoundedCounts();
  private readonly currentCounts = new BoundedCounts(100_000);
  private readonly previousCounts = new BoundedCounts(100_000);

  constructor(private readonly windows: TrendWindows | undefined) {}

  /** The words of one message of the history, in time order. */
  add(terms: readonly string[], ts: number, inPeriod: boolean): void {
    if (terms.length === 0) return;
    this.documents++;
    for (const term of terms.length === 1 ? terms : new Set(terms)) this.documentFrequency.add(term);
    if (inPeriod) for (const term of terms) this.periodCounts.add(term);
    const window = this.windowOf(ts);
    if (window) for (const term of terms) window.add(term);
  }

  /** The `n` words with the highest tf × idf, idf = ln(documents / documents holding the word). */
  keywords(n: number): { term: string; score: number; count: number }[] {
    const scored: { term: string; score: number; count: number }[] = [];
    for (const [term, count] of this.periodCounts.entries()) {
      const idf = Math.log(this.documents / Math.max(this.documentFrequency.get(term), 1));
      scored.push({ term, score: round(count * idf), count });
    }
    return scored.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : 1)).slice(0, n);
  }

  /** Words seen at least 3 times in the current window and at least twice as often as in the previous one. */
  trending(n: number): { term: string; count: number; previous: number }[] {
    const rising: { term: string; count: number; previous: number }[] = [];
    for (const [term, count] of this.currentCounts.entries()) {
      const previous = this.previousCounts.get(term);
      if (count >= 3 && count >= 2 * previous) rising.push({ term, count, previous });
    }
    return rising.sort((a, b) => b.count - b.previous - (a.count - a.previous) || (a.term < b.term ? -1 : 1)).slice(0, n);
  }

  private windowOf(ts: number): BoundedCounts | undefined {
    if (!this.windows) return undefined;
    if (within(ts, this.windows.current)) return this.currentCounts;
    return within(ts, this.windows.previous) ? this.previousCounts : undefined;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
