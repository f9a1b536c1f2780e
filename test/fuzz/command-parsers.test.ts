import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../src/core/commands/command.js';
import { commands } from '../../src/core/commands/registry.js';
import { parseIssueCommand } from '../../src/core/issue/parse-issue-command.js';
import { parseCommentCommand } from '../../src/core/notify/parse-comment-command.js';
import { parseSubscriptionCommand } from '../../src/core/notify/parse-subscription.js';
import { chatText, longRun, timed } from './fuzz-input.js';

const BOT = ['OSSChat', 'osschat-bot'];
/**
 * A chat message must never hold the event loop. A bound, not a speed test: a parse takes
 * microseconds, the backtracking bugs this guards against took seconds to minutes, and a loaded
 * CI machine must not make it flaky.
 */
const MAX_MS = 1000;
const quotedArb = fc.option(fc.record({ text: chatText(), fromBot: fc.boolean() }), { nil: undefined });

function expectIssueShape(result: ReturnType<typeof parseIssueCommand>): void {
  if (result === undefined) return;
  if (result.ok) {
    expect(result.count === 'default' || result.count === 'quoted' || (Number.isSafeInteger(result.count) && result.count >= 1)).toBe(true);
    if (result.title !== undefined) expect(result.title.trim()).not.toBe('');
  } else expect(['bad-count', 'missing-quote', 'bad-form']).toContain(result.error);
}

function expectSubscriptionShape(result: ReturnType<typeof parseSubscriptionCommand>): void {
  if (result === undefined || result.kind === 'list') return;
  if (result.kind === 'malformed') expect(typeof result.problem).toBe('string');
  else expect(result.repo).toMatch(/^[a-z0-9][a-z0-9-]*\/[a-z0-9._-]+$/);
}

describe('command parsers on random and mutated chat', () => {
  it('parseIssueCommand: a result of the documented shape, or undefined, quickly', () => {
    fc.assert(
      fc.property(chatText(), fc.boolean(), (text, quoting) => {
        const { value, ms } = timed(() => parseIssueCommand(text, { botNames: BOT, quoting }));
        expectIssueShape(value);
        expect(ms).toBeLessThan(MAX_MS);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseSubscriptionCommand: list, a change on a valid owner/repo, malformed with a problem, or undefined', () => {
    fc.assert(
      fc.property(chatText(), (text) => {
        const { value, ms } = timed(() => parseSubscriptionCommand(text, BOT));
        expectSubscriptionShape(value);
        expect(ms).toBeLessThan(MAX_MS);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseCommentCommand: a positive issue number and non-empty text, { ok: false }, or undefined', () => {
    fc.assert(
      fc.property(chatText(), quotedArb, (text, quoted) => {
        const { value, ms } = timed(() => parseCommentCommand(text, { quoted }));
        if (value?.ok) {
          expect(Number.isInteger(value.number)).toBe(true);
          expect(value.text.trim()).not.toBe('');
        }
        expect(ms).toBeLessThan(MAX_MS);
      }),
      { numRuns: 3000 },
    );
  });

  it('findCommand over the whole command table never throws', () => {
    fc.assert(
      fc.property(chatText(), fc.boolean(), quotedArb, (text, quoting, quoted) => {
        const { value, ms } = timed(() => findCommand(commands, text, { quoting, quoted, botNames: BOT }));
        if (value) expect(commands).toContain(value.command);
        expect(ms).toBeLessThan(MAX_MS);
      }),
      { numRuns: 2000 },
    );
  });

  it('long runs of one character (up to 20,000) stay linear in every parser', () => {
    fc.assert(
      fc.property(longRun(), fc.boolean(), (text, quoting) => {
        const { ms } = timed(() => {
          parseIssueCommand(text, { botNames: BOT, quoting });
          parseSubscriptionCommand(text, BOT);
          parseCommentCommand(text, { quoted: { text, fromBot: true } });
          findCommand(commands, text, { quoting, quoted: { text, fromBot: true }, botNames: BOT });
        });
        expect(ms).toBeLessThan(4 * MAX_MS);
      }),
      { numRuns: 150 },
    );
  });

  it('regression: blank runs in an issue command head, and punctuation runs in its title, no longer backtrack', () => {
    for (const text of [`开工单：${'。'.repeat(20_000)}+`, `开工单：${'、'.repeat(20_000)}x`, `请${' '.repeat(5000)}x工单`, `工单${' '.repeat(20_000)}x`, `以上${' '.repeat(20_000)}x工单`, `工单${'。'.repeat(20_000)}x`]) {
      expect(timed(() => parseIssueCommand(text, { botNames: BOT, quoting: false })).ms).toBeLessThan(4 * MAX_MS);
    }
    expect(parseIssueCommand(`请 帮我把 以上 5 条 消息 开 个 工单 谢谢 @OSSChat`, { botNames: BOT, quoting: false })).toEqual({ ok: true, count: 5 });
  });
});
