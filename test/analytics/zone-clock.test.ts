import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/core/analytics/mentions.js';
import { dayToDate, ZoneClock } from '../../src/core/analytics/zone-clock.js';

describe('local days and hours', () => {
  it('follows daylight saving time (New York, 2026-03-08)', () => {
    const clock = new ZoneClock('America/New_York');
    const before = clock.slot(Date.parse('2026-03-08T06:30:00Z'));
    const after = clock.slot(Date.parse('2026-03-08T07:30:00Z'));
    expect([dayToDate(before.day), before.hour, before.weekday]).toEqual(['2026-03-08', 1, 6]);
    expect([dayToDate(after.day), after.hour]).toEqual(['2026-03-08', 3]);
    expect(new Date(clock.startOfDay(before.day)).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(clock.startOfDay(before.day + 1)).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });
});

describe('mentions', () => {
  it('finds links, repositories and issues, and leaves and/or alone', () => {
    expect(findMentions('see vuejs/core#42 and/or https://github.com/nodejs/node/pull/7, also #9', 'osschat/osschat')).toEqual({
      links: ['https://github.com/nodejs/node/pull/7'],
      repos: ['nodejs/node', 'vuejs/core'],
      issues: ['nodejs/node#7', 'vuejs/core#42', 'osschat/osschat#9'],
    });
    expect(findMentions('TCP/IP 和 1/2 不是仓库').repos).toEqual([]);
  });
});
