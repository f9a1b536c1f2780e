import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStdioAdapter } from '../../src/chat/stdio/stdio-adapter.js';
import { parseLine } from '../../src/chat/stdio/parse-line.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ChatEvent } from '../../src/core/types.js';
import { chatText, mutate, seeded, within } from './fuzz-input.js';

const VALID = [
  { type: 'message', id: 'm1', room: { id: 'r1', topic: 'OSSChat 开发者群' }, from: { id: 'u1', name: '张三' }, text: '以上五条开工单', ts: '2026-11-24T10:00:00+08:00' },
  { type: 'message', id: 'm2', room: { id: 'r1' }, from: { id: 'u2' }, text: '好', replyTo: 'm1', kind: 'text', self: false, mentionsBot: true },
  { type: 'recall', id: 'm1', room: { id: 'r1' } },
  { type: 'edit', id: 'm1', room: { id: 'r1' }, text: '改过的' },
];

const jsonish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double(), fc.integer(), chatText(), fc.constantFrom('message', 'recall', 'edit', '2026-11-24T10:00:00Z', 'not a date'),
    fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('type', 'id', 'room', 'from', 'text', 'ts', 'kind', 'replyTo', 'topic', 'name', '__proto__', 'constructor'), tie('value'), { maxKeys: 6 })),
})).value;

/** A valid line with one field replaced by an arbitrary value, or deleted. */
const mutatedEvent = fc.tuple(fc.constantFrom(...VALID), fc.constantFrom('type', 'id', 'room', 'from', 'text', 'ts', 'kind', 'replyTo', 'self'), fc.option(jsonish))
  .map(([event, key, value]) => JSON.stringify(value === null ? { ...event, [key]: undefined } : { ...event, [key]: value }));

function expectResultOrOneLineError(text: string): void {
  const parsed = parseLine(text, () => new Date(0));
  if (parsed.ok) {
    expect(['message', 'recall', 'edit']).toContain(parsed.event.type);
    expect(Number.isNaN(parsed.event.ts.getTime())).toBe(false);
  } else {
    expect(parsed.error.length).toBeGreaterThan(0);
    expect(parsed.error).not.toMatch(/\n/);
  }
}

describe('stdio protocol on random and mutated lines', () => {
  it('parseLine: an event or a one-line error for arbitrary text, JSON values and mutated events', () => {
    fc.assert(fc.property(fc.oneof(chatText(), jsonish.map((v) => JSON.stringify(v) ?? 'undefined'), mutatedEvent), (text) => expectResultOrOneLineError(text.replace(/[\r\n]/g, ' '))), { numRuns: 4000 });
  });

  it('parseLine: byte-level mutations of valid lines', () => {
    const random = seeded(10);
    for (let i = 0; i < 3000; i++) {
      const base = Buffer.from(JSON.stringify(VALID[i % VALID.length]));
      expectResultOrOneLineError(mutate(base, random).toString('utf8').replace(/[\r\n]/g, ' '));
    }
  });

  it('the adapter hands on every valid line, reports every bad one on stderr, and finishes', async () => {
    const random = seeded(11);
    const lines: string[] = [];
    let valid = 0;
    for (let i = 0; i < 2000; i++) {
      const base = { ...VALID[0]!, id: `m${i}`, text: `消息 ${i}` };
      const line = random() < 0.5 ? JSON.stringify(base) : mutate(Buffer.from(JSON.stringify(base)), random).toString('utf8').replace(/[\r\n\u2028\u2029]/g, ' ');
      if (line.trim() !== '' && parseLine(line).ok) valid += 1;
      lines.push(line);
    }
    const input = new PassThrough();
    let errors = '';
    const events: ChatEvent[] = [];
    const adapter = createStdioAdapter({
      input, output: new PassThrough(), platform: 'stdio', log: silentLogger,
      errors: new Writable({ write: (chunk, _enc, done) => ((errors += String(chunk)), done()) }),
    });
    await adapter.start(async (event) => void events.push(event));
    input.end(lines.join('\n') + '\n');
    await within(10_000, 'stdio adapter on 2,000 mutated lines', adapter.finished!());
    expect(events).toHaveLength(valid);
    const reported = errors.split('\n').filter(Boolean);
    expect(reported.length).toBe(lines.filter((l) => l.trim() !== '').length - valid);
    for (const line of reported) expect(line).toMatch(/^stdin line \d+: \S/);
  });

  it('the adapter survives a handler that throws and an enormous line (skipped past the limit, handled within it)', async () => {
    const enormous = `${JSON.stringify({ ...VALID[0], text: 'x'.repeat(2_000_000) })}\n${JSON.stringify(VALID[1])}\n`;
    for (const [maxLineBytes, handled, errorLines] of [[undefined, 1, 1], [4_000_000, 2, 0]] as const) {
      const input = new PassThrough();
      const errors = new PassThrough();
      let written = '';
      errors.on('data', (chunk: Buffer) => (written += chunk.toString()));
      const adapter = createStdioAdapter({ input, output: new PassThrough(), errors, platform: 'stdio', log: silentLogger, ...(maxLineBytes ? { maxLineBytes } : {}) });
      let seen = 0;
      await adapter.start(async () => {
        seen += 1;
        throw new Error('handler failed');
      });
      input.end(enormous);
      await within(10_000, 'stdio adapter with a failing handler', adapter.finished!());
      expect(seen).toBe(handled);
      expect(written.match(/stdin line 1: longer than 1048576 bytes/g) ?? []).toHaveLength(errorLines);
    }
  });
});
