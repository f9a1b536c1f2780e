import { dateToDay, type ZoneClock } from './zone-clock.js';

/** The analysed time range: `start` inclusive, `end` exclusive, epoch milliseconds; open ends are undefined. */
export interface Period {
  start?: number;
  end?: number;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: string };

/**
 * `--since` / `--until` as given on the command line: a date `YYYY-MM-DD` (local midnight in the
 * clock's zone; `until` includes that whole day) or an ISO 8601 instant.
 */
export function parsePeriod(since: string | undefined, until: string | undefined, clock: ZoneClock): PeriodResult {
  const start = since === undefined ? undefined : bound(since, clock, 0);
  const end = until === undefined ? undefined : bound(until, clock, 1);
  if (Number.isNaN(start)) return { ok: false, error: `--since ${since}: expected a date YYYY-MM-DD or an ISO time such as 2026-01-31T18:00:00+08:00` };
  if (Number.isNaN(end)) return { ok: false, error: `--until ${until}: expected a date YYYY-MM-DD or an ISO time such as 2026-01-31T18:00:00+08:00` };
  if (start !== undefined && end !== undefined && end <= start) return { ok: false, error: `--until ${until} is not after --since ${since}` };
  return { ok: true, period: { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) } };
}

function bound(text: string, clock: ZoneClock, dayShift: number): number {
  const day = dateToDay(text.trim());
  if (day !== undefined) return clock.startOfDay(day + dayShift);
  return /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
}

export function inPeriod(ts: number, period: Period): boolean {
  return (period.start === undefined || ts >= period.start) && (period.end === undefined || ts < period.end);
}
