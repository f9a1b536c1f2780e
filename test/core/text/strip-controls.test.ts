import { describe, expect, it } from 'vitest';
import { cleanLabel, revealBidiControls } from '../../../src/core/text/strip-controls.js';

describe('cleanLabel', () => {
  it.each([
    ['\u202Eadmin\u202C', 'admin'],
    ['\u2067张\u200F三\u2069', '张三'],
    ['OSSChat\u200D开发\u200B者群\u2060\uFEFF', 'OSSChat开发者群'],
    ['a\u061Cb\u200Ec\u00ADd', 'abcd'],
    ['\u3164\u115F', ''],
    ['line one\nline two\r\n\tend  ', 'line one line two end'],
    ['bell\u0007 and\u2028break', 'bell and break'],
  ])('cleans %j', (label, expected) => {
    expect(cleanLabel(label)).toBe(expected);
  });

  it('keeps emoji ZWJ and tag sequences whole', () => {
    expect(cleanLabel('👨‍👩‍👧 family 🏳️‍🌈 🏴󠁧󠁢󠁥󠁮󠁧󠁿')).toBe('👨‍👩‍👧 family 🏳️‍🌈 🏴󠁧󠁢󠁥󠁮󠁧󠁿');
    expect(cleanLabel('a\u200D👍\u200Db')).toBe('a👍b');
  });
});

describe('revealBidiControls', () => {
  it('shows embeddings, overrides and isolates, keeps marks and joiners', () => {
    expect(revealBidiControls('x\u202Egnp.exe\u2066y\u2069')).toBe('x[U+202E]gnp.exe[U+2066]y[U+2069]');
    expect(revealBidiControls('שלום\u200F 👨‍👩‍👧 می\u200Cخواهم')).toBe('שלום\u200F 👨‍👩‍👧 می\u200Cخواهم');
  });
});
