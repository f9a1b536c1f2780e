export interface RateLimitSettings {
  /** Least time between two messages in one room. */
  minIntervalMs: number;
  /** Most messages in one room per rolling hour. */
  perHour: number;
}

const HOUR = 3_600_000;

/** WeChat bans bots that post bursts: when may a room get its next notification. */
export class RoomRateLimit {
  private readonly sent = new Map<number, number[]>();

  constructor(private readonly settings: RateLimitSettings) {}

  /** The earliest time (epoch ms) the room may get a message: `now` when it may now. */
  nextAllowed(roomId: number, now: number): number {
    const times = this.recent(roomId, now);
    const last = times[times.length - 1];
    let at = last === undefined ? now : Math.max(now, last + this.settings.minIntervalMs);
    if (times.length >= this.settings.perHour) at = Math.max(at, times[times.length - this.settings.perHour]! + HOUR);
    return at;
  }

  record(roomId: number, at: number): void {
    this.sent.set(roomId, [...this.recent(roomId, at), at]);
  }

  private recent(roomId: number, now: number): number[] {
    return (this.sent.get(roomId) ?? []).filter((time) => time > now - HOUR);
  }
}
