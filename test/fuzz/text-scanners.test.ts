import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/core/analytics/mentions.js';
import { deriveTitle } from '../../src/core/issue/derive-title.js';
import { readTextSignals } from '../../src/core/threads/text-signals.js';
import { timed } from './fuzz-input.js';

/**
 * Every message a member sends goes through these scanners (issue titles, threading, analytics).
 * A trailing-run regex without a look-behind is quadratic: 20,000 emoji took 8.6 s in deriveTitle.
 * The bound is generous — linear scans take milliseconds — so a loaded machine cannot make it flaky.
 */
const MAX_MS = 2000;
const RUN_UNITS = [' ', '。', '😀', '.', '!', '、', '_', '-', ',', '\u200d'];

const longRunText = () =>
  fc.tuple(fc.constantFrom('a', 'see http://a.b/', '问题', ''), fc.constantFrom(...RUN_UNITS), fc.integer({ min: 5000, max: 20_000 }), fc.constantFrom('x', '?', '好', ''))
    .map(([head, unit, n, tail]) => `${head}${unit.repeat(n)}${tail}`);

describe('chat text scanners on long runs of one character', () => {
  it('deriveTitle, readTextSignals and findMentions stay linear', () => {
    fc.assert(
      fc.property(longRunText(), (text) => {
        const { value: title, ms } = timed(() => deriveTitle({ messages: [{ kind: 'text', text }], roomName: 'room', locale: 'en' }));
        expect(typeof title).toBe('string');
        expect(ms).toBeLessThan(MAX_MS);
        expect(timed(() => readTextSignals(text)).ms).toBeLessThan(MAX_MS);
        expect(timed(() => findMentions(text)).ms).toBeLessThan(MAX_MS);
      }),
      { numRuns: 60 },
    );
  });

  it('regression: an emoji run ending in text and a link ending in dots', () => {
    expect(timed(() => deriveTitle({ messages: [{ kind: 'text', text: `a${'😀'.repeat(20_000)}x` }], roomName: 'r', locale: 'en' })).ms).toBeLessThan(MAX_MS);
    expect(timed(() => readTextSignals(`see http://a.b/${'.'.repeat(20_000)}x`)).ms).toBeLessThan(MAX_MS);
    expect(deriveTitle({ messages: [{ kind: 'text', text: '安装失败了。。。' }], roomName: 'r', locale: 'zh-CN' })).toBe('安装失败了');
  });
});
