import { describe, expect, it } from 'vitest';
import { nextDigestTime } from '../../../src/core/notify/next-digest-time.js';

describe('nextDigestTime', () => {
  it('is today at the local time when that is still ahead, else tomorrow', () => {
    // 2026-11-25 (a Wednesday) 00:30 UTC = 08:30 in Shanghai
    const now = new Date('2026-11-25T00:30:00Z');
    expect(nextDigestTime(now, 'daily', '09:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(nextDigestTime(now, 'daily', '08:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(nextDigestTime(now, 'daily', '09:00', 'UTC').toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('goes out on Mondays for weekly digests, across a DST change', () => {
    expect(nextDigestTime(new Date('2026-11-25T00:30:00Z'), 'weekly', '09:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-30T01:00:00.000Z');
    // New York: 2026-03-08 is the DST switch; Monday 2026-03-09 09:00 EDT = 13:00 UTC
    expect(nextDigestTime(new Date('2026-03-06T12:00:00Z'), 'weekly', '09:00', 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });
});
