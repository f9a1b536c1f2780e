import { weekOf } from './zone-clock.js';

interface MemberTally {
  name: string;
  /** Messages in the period. */
  messages: number;
  /** Local day of the member's first message in the whole history. */
  firstDay: number;
  /** Last week the member was counted active in, to count each member once a week. */
  lastWeek: number;
}

/** Who speaks: messages per member, first appearance, active members and newcomers per week. */
export class MemberCounter {
  private readonly members = new Map<string, MemberTally>();
  readonly activePerWeek = new Map<number, number>();
  readonly newcomersPerWeek = new Map<number, number>();
  newcomers = 0;

  /** Any message of the history, in time order; `inPeriod` says whether it is counted. */
  add(id: string, name: string, day: number, inPeriod: boolean): void {
    let member = this.members.get(id);
    const isNew = member === undefined;
    if (!member) {
      member = { name, messages: 0, firstDay: day, lastWeek: -Infinity };
      this.members.set(id, member);
    }
    if (name) member.name = name;
    if (!inPeriod) return;
    member.messages++;
    const week = weekOf(day);
    if (member.lastWeek !== week) {
      member.lastWeek = week;
      this.activePerWeek.set(week, (this.activePerWeek.get(week) ?? 0) + 1);
    }
    if (isNew) {
      this.newcomers++;
      this.newcomersPerWeek.set(week, (this.newcomersPerWeek.get(week) ?? 0) + 1);
    }
  }

  nameOf(id: string): string {
    return this.members.get(id)?.name ?? id;
  }

  /** Members who spoke in the period, most messages first (ties by id). */
  active(): { id: string; name: string; messages: number; firstDay: number }[] {
    const list: { id: string; name: string; messages: number; firstDay: number }[] = [];
    for (const [id, member] of this.members) if (member.messages > 0) list.push({ id, name: member.name || id, messages: member.messages, firstDay: member.firstDay });
    return list.sort((a, b) => b.messages - a.messages || (a.id < b.id ? -1 : 1));
  }
}
