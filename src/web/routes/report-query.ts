import { parsePeriod, type Period } from '../../core/analytics/period.js';
import { ZoneClock } from '../../core/analytics/zone-clock.js';

/** What a report depends on: its time zone (canonical IANA name) and period (instants). */
export interface ReportQuery {
  clock: ZoneClock;
  period: Period;
  /** Same key, same report: `?since=2026-1-1&x=1` and `?since=2026-01-01` name the same period. */
  key: string;
}

const MAX_PARAM = 64;

/** The zone's canonical name (asia/shanghai → Asia/Shanghai), or undefined when there is no such zone. */
function canonicalZone(tz: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** A day written without leading zeros (2026-1-1) is the same day as 2026-01-01. */
function padDay(text: string): string {
  return text.replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_all, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

const param = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/**
 * `?since=&until=&tz=` read as the report needs them; every other parameter is ignored. Two
 * queries share a key exactly when they ask for the same instants in the same zone.
 */
export function readReportQuery(raw: Record<string, string | undefined>, defaultZone: string): ReportQuery | { error: string } {
  const [since, until, tz] = [param(raw.since), param(raw.until), param(raw.tz)];
  for (const [name, value] of [['since', since], ['until', until], ['tz', tz]] as const) {
    if (value !== undefined && value.length > MAX_PARAM) return { error: `${name}: longer than ${MAX_PARAM} characters; expected a date such as 2026-01-31` };
  }
  const zone = canonicalZone(tz ?? defaultZone);
  if (!zone) return { error: `tz=${tz}: expected an IANA time zone such as Asia/Shanghai` };
  const clock = new ZoneClock(zone);
  const period = parsePeriod(since === undefined ? undefined : padDay(since), until === undefined ? undefined : padDay(until), clock);
  if (!period.ok) return { error: period.error.replace(/--(since|until) /g, '$1=') };
  return { clock, period: period.period, key: `${zone}|${period.period.start ?? ''}|${period.period.end ?? ''}` };
}
