import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonScanner, type JsonPath, type JsonScanOptions } from '../../src/importers/json-scanner.js';

const MiB = 1024 * 1024;

/** A document holding one long string message, with escapes that a chunk boundary may cut. */
function longMessageDoc(chars: number): string {
  const unit = 'ab\\"c\\\\';
  return `{"messages":[{"text":"${unit.repeat(Math.floor(chars / unit.length))}"}],"tail":1}`;
}

function chunked(doc: string, size: number): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < doc.length; at += size) chunks.push(doc.slice(at, at + size));
  return chunks;
}

/** Scans `chunks`, parsing every item of `messages` and skipping the rest. */
function scanMessages(chunks: string[], options: JsonScanOptions = {}, onTooLarge?: (path: JsonPath, chars: number) => void) {
  const values: unknown[] = [];
  const scanner = new JsonScanner(
    {
      select: (p) => (p.length === 0 || (p.length === 1 && p[0] === 'messages') ? 'descend' : p.length === 2 && p[0] === 'messages' ? 'parse' : 'skip'),
      onValue: (_, value) => values.push(value),
      ...(onTooLarge ? { onTooLarge } : {}),
    },
    options,
  );
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return { values, examined: scanner.examined };
}

describe('JsonScanner on a huge value', () => {
  it('looks at each character of a 64 MiB message about once when it comes in 64 KiB chunks', () => {
    const doc = longMessageDoc(64 * MiB);
    const { values, examined } = scanMessages(chunked(doc, 64 * 1024), { maxValueChars: Infinity });
    expect((values[0] as { text: string }).text.length).toBeGreaterThan(45 * MiB);
    // Re-scanning the open value from its start on every chunk looked at about 512 times the document here.
    expect(examined).toBeLessThanOrEqual(doc.length);
    expect(examined).toBeGreaterThan(doc.length * 0.99);
  });

  it('does work proportional to the size: 32 MiB costs four times 8 MiB, skipped or built', () => {
    for (const skip of [false, true]) {
      const cost = (mib: number) => {
        const doc = longMessageDoc(mib * MiB);
        const chunks = chunked(skip ? doc.replace('"messages"', '"skipped!"') : doc, 64 * 1024);
        return scanMessages(chunks, { maxValueChars: Infinity }).examined;
      };
      expect(cost(32) / cost(8)).toBeCloseTo(4, 1);
    }
  });

  it('passes over a value longer than the limit, reporting it, or throws a clear error without a handler', () => {
    const doc = `{"messages":[{"text":"${'x'.repeat(5000)}"},{"text":"ok"}]}`;
    const tooLarge: [JsonPath, number][] = [];
    const { values } = scanMessages(chunked(doc, 1000), { maxValueChars: 4096 }, (path, chars) => tooLarge.push([path, chars]));
    expect(values).toEqual([{ text: 'ok' }]);
    expect(tooLarge).toEqual([[['messages', 0], 5011]]);
    expect(() => scanMessages(chunked(doc, 1000), { maxValueChars: 4096 })).toThrow('invalid JSON at character 13 (in messages.0): a value longer than 4096 characters, the limit');
    expect(() => scanMessages([doc], { maxValueChars: 4096 })).toThrow(/a value longer than 4096 characters/);
  });

  it('refuses a key longer than the limit even when nothing is built from it', () => {
    expect(() => scanMessages(chunked(`{"${'k'.repeat(5000)}":1}`, 700), { maxValueChars: 4096 })).toThrow(/a key longer than 4096 characters/);
  });
});

describe('JsonScanner split anywhere', () => {
  const message = fc.jsonValue({ maxDepth: 3 });
  const text = fc.string({ unit: fc.constantFrom('\\', '"', 'a', '\\"', '\\\\', '}', ']', '{', '[', ',', ' ', '群', '😀', '\n') });

  it('gives the same values as JSON.parse for any document cut at any places', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(message, text)), message, fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (messages, other, pretty, cuts) => {
        const doc = JSON.stringify({ before: other, messages, after: [other, text] }, null, pretty ? 2 : undefined);
        const at = [...new Set(cuts.map((cut) => cut % (doc.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => doc.slice(from, at[i] ?? doc.length));
        expect(scanMessages(chunks).values).toEqual(JSON.parse(JSON.stringify(messages)) as unknown[]);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same values when every character is a chunk of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(message, text), { maxLength: 6 }), (messages) => {
        const doc = JSON.stringify({ messages });
        expect(scanMessages([...doc]).values).toEqual(JSON.parse(doc).messages);
      }),
      { numRuns: 100 },
    );
  });
});
