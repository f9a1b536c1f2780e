/** Offset of `timeZone` from UTC at `at`, in minutes (Asia/Shanghai: +480). */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The next time a digest goes out: `time` (HH:MM, local to `timeZone`) today or later; weekly
 * digests go out on Mondays.
 */
export function nextDigestTime(now: Date, period: 'daily' | 'weekly', time: string, timeZone: string): Date {
  const [hour = 9, minute = 0] = time.split(':').map(Number);
  const today = new Date(now.getTime() + offsetMinutes(now, timeZone) * 60_000);
  for (let day = 0; ; day++) {
    // The wall-clock time on that local day, turned into UTC with that day's own offset (DST).
    const wall = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + day, hour, minute);
    const at = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
    const monday = new Date(wall).getUTCDay() === 1;
    if (at > now.getTime() && (period === 'daily' || monday)) return new Date(at);
  }
}
