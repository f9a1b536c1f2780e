import type { LocalSlot } from './zone-clock.js';
import { dayToDate, weekOf } from './zone-clock.js';

/** Messages per local day, per week and per weekday × hour; constant memory per day. */
export class VolumeCounter {
  readonly perDay = new Map<number, number>();
  readonly perWeek = new Map<number, number>();
  readonly heatmap: number[][] = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  total = 0;

  add(slot: LocalSlot): void {
    this.total++;
    this.perDay.set(slot.day, (this.perDay.get(slot.day) ?? 0) + 1);
    const week = weekOf(slot.day);
    this.perWeek.set(week, (this.perWeek.get(week) ?? 0) + 1);
    this.heatmap[slot.weekday]![slot.hour]!++;
  }

  /** Every day from the first to the last one seen, zeros included. */
  days(): { date: string; messages: number }[] {
    const [first, last] = range(this.perDay);
    const days: { date: string; messages: number }[] = [];
    for (let day = first; day <= last; day++) days.push({ date: dayToDate(day), messages: this.perDay.get(day) ?? 0 });
    return days;
  }

  /** Mondays from the first to the last week seen. */
  weekStarts(): number[] {
    const [first, last] = range(this.perWeek);
    const weeks: number[] = [];
    for (let week = first; week <= last; week += 7) weeks.push(week);
    return weeks;
  }
}

function range(map: Map<number, number>): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const key of map.keys()) {
    if (key < first) first = key;
    if (key > last) last = key;
  }
  return [first, last];
}
