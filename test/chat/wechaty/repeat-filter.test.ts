import { describe, expect, it } from 'vitest';
import { repeatFilter } from '../../../src/chat/wechaty/repeat-filter.js';

describe('repeatFilter', () => {
  it('passes the first occurrence, then one per window with the count it held back', () => {
    let now = 0;
    const filter = repeatFilter(1000, () => now);
    expect(filter('ENOTFOUND')).toEqual({ pass: true, suppressed: 0 });
    expect(filter('ENOTFOUND')).toEqual({ pass: false, suppressed: 1 });
    expect(filter('other')).toEqual({ pass: true, suppressed: 0 });
    expect(filter('ENOTFOUND')).toEqual({ pass: false, suppressed: 2 });
    now = 1500;
    expect(filter('ENOTFOUND')).toEqual({ pass: true, suppressed: 2 });
  });
});
