import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boundedLines, LineSplitter, type Line } from '../../../src/chat/stdio/bounded-lines.js';

const split = (max: number, ...chunks: string[]): Line[] => {
  const splitter = new LineSplitter(max);
  return [...chunks.flatMap((chunk) => [...splitter.push(Buffer.from(chunk))]), ...splitter.end()];
};

describe('LineSplitter', () => {
  it('splits on newlines across chunks, CRLF included, and keeps the last unterminated line', () => {
    expect(split(100, 'ab', 'c\r\nd', 'ef\n\ngh')).toEqual([
      { kind: 'text', text: 'abc' }, { kind: 'text', text: 'def' }, { kind: 'text', text: '' }, { kind: 'text', text: 'gh' },
    ]);
  });

  it('reports a line over the limit once, with its size, and goes on with the next line', () => {
    expect(split(4, '12', '345', '67\nok\n', '1234567')).toEqual([{ kind: 'too-long', bytes: 7 }, { kind: 'text', text: 'ok' }, { kind: 'too-long', bytes: 7 }]);
    expect(split(4, '1234\n')).toEqual([{ kind: 'text', text: '1234' }]);
  });

  it('keeps the first bytes of a line over the limit when asked, copied out of the line', () => {
    const splitter = new LineSplitter(4, 3);
    expect([...splitter.push(Buffer.from('ab')), ...splitter.push(Buffer.from('cdef\nok\n'))]).toEqual([{ kind: 'too-long', bytes: 6, head: 'abc' }, { kind: 'text', text: 'ok' }]);
  });

  it('decodes a character split between two chunks', () => {
    const bytes = Buffer.from('开工单\n');
    const splitter = new LineSplitter(100);
    expect([...splitter.push(bytes.subarray(0, 4)), ...splitter.push(bytes.subarray(4))]).toEqual([{ kind: 'text', text: '开工单' }]);
  });
});

describe('boundedLines', () => {
  it('ends when asked to stop, even while the input stays open', async () => {
    const input = new PassThrough();
    let stop!: () => void;
    const lines: Line[] = [];
    const reading = (async () => {
      for await (const line of boundedLines(input, 100, new Promise((resolve) => (stop = resolve)))) lines.push(line);
    })();
    input.write('one\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    await reading;
    expect(lines).toEqual([{ kind: 'text', text: 'one' }]);
  });
});
