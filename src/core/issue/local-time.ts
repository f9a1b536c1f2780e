/** A moment as a clock in some time zone shows it. */
export interface LocalTime {
  /** `2026-11-24` */
  date: string;
  /** `10:03`, 24-hour. */
  time: string;
  /** `UTC+8`, `UTC-3:30`, `UTC`. */
  offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'shortOffset',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Local date, time and UTC offset of `at` in an IANA `timeZone`; throws RangeError for an unknown zone. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = new Map(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    offset: part('timeZoneName').replace('GMT', 'UTC').replace(/^UTC[+-]0$/, 'UTC'),
  };
}
