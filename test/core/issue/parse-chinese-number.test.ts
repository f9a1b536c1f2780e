import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../src/core/issue/parse-issue-command.js';

const valid: [string, number][] = [
  ['零', 0], ['一', 1], ['两', 2], ['五', 5], ['九', 9],
  ['十', 10], ['十二', 12], ['二十', 20], ['二十一', 21], ['两十', 20], ['九十九', 99],
  ['百', 100], ['一百', 100], ['两百', 200], ['一百零五', 105], ['一百一十', 110], ['一百五', 150],
  ['三百二十', 320], ['九百九十九', 999], ['千', 1000], ['一千', 1000], ['一千零二十', 1020],
  ['一千二', 1200], ['两千零二十六', 2026], ['一万', 10000], ['一万零五', 10005], ['一万零五百', 10500],
  ['三万五', 35000], ['十万', 100000], ['五十五万', 550000], ['一百万', 1000000], ['一亿', 100000000],
  ['一亿五千万', 150000000], ['壹佰零伍', 105], ['〇', 0], [' 五 ', 5],
];

const invalid = [
  '', ' ', '几', '好多', '若干', '十十', '百百', '一二', '三五', '一零五', '零五', '五零', '一百零',
  '二十二十', '一百零五十', '一万零五千', '万', '亿', '五万万', '一十百', 'five', '5', '五条', '-五', '五.五',
];

describe('parseChineseNumber', () => {
  it.each(valid)('reads %s as %i', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(invalid)('rejects %j', (text) => {
    expect(parseChineseNumber(text)).toBeUndefined();
  });
});
