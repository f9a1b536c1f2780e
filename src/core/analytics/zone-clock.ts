const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Offsets change only at quarter-hour boundaries of UTC in every IANA zone. */
const BUCKET_MS = 900_000;

/** Where an instant falls on the wall clock of a time zone. */
export interface LocalSlot {
  /** Days since 1970-01-01 in the zone. */
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
}

/**
 * Local days, weekdays and hours of instants in one IANA zone. Offsets are cached per UTC day
 * (when the day has one offset, as nearly all do) or per quarter hour on the days that change.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  private readonly dayOffsets = new Map<number, number | null>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  }

  /** Milliseconds to add to UTC to read the zone's wall clock. */
  offset(ts: number): number {
    const day = Math.floor(ts / DAY_MS);
    let steady = this.dayOffsets.get(day);
    if (steady === undefined) {
      const start = this.computeOffset(day * DAY_MS);
      steady = start === this.computeOffset((day + 1) * DAY_MS - BUCKET_MS) ? start : null;
      this.dayOffsets.set(day, steady);
    }
    return steady ?? this.quarterHourOffset(ts);
  }

  private quarterHourOffset(ts: number): number {
    const bucket = Math.floor(ts / BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.computeOffset(bucket * BUCKET_MS);
      if (this.offsets.size > 200_000) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  slot(ts: number): LocalSlot {
    const local = ts + this.offset(ts);
    const day = Math.floor(local / DAY_MS);
    return { day, weekday: (day + 3) % 7, hour: Math.floor((local - day * DAY_MS) / HOUR_MS) };
  }

  /** The instant of local midnight starting `day`. */
  startOfDay(day: number): number {
    let guess = day * DAY_MS;
    for (let i = 0; i < 3; i++) guess = day * DAY_MS - this.offset(guess);
    return guess;
  }

  private computeOffset(ts: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(ts)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    return wall - Math.floor(ts / 1000) * 1000;
  }
}

/** `YYYY-MM-DD` of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of `YYYY-MM-DD`, or undefined when it is not such a date. */
export function dateToDay(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dayToDate(ms / DAY_MS) === date ? ms / DAY_MS : undefined;
}

/** Monday (as a day number) of the week holding `day`. */
export function weekOf(day: number): number {
  return day - ((day + 3) % 7);
}
