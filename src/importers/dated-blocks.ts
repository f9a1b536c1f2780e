import { bad, lineTooLong, type BadRecord } from './import-record.js';
import type { NumberedLine } from './read-input.js';

/** A message of a text export: its dated first line, parsed, and the lines that continue it. */
export interface DatedBlock<H> {
  type: 'block';
  head: H;
  /** Line number of the dated line. */
  number: number;
  lines: string[];
}

/**
 * Groups a text export's lines into messages: a line `parse` recognises starts one, the lines
 * after it continue it. A dated line with an impossible date is a bad record, with its lines.
 * So is a line over the limit, with the message it continues (a message is never stored cut).
 */
export async function* datedBlocks<H>(
  lines: AsyncIterable<NumberedLine>,
  parse: (line: string) => H | 'invalid' | undefined,
  firstLine: string,
  maxLineBytes: number,
): AsyncGenerator<DatedBlock<H> | BadRecord> {
  let current: DatedBlock<H> | undefined;
  let skipping = false;
  for await (const line of lines) {
    const head = parse(line.kind === 'text' ? line.text : line.head ?? '');
    if (line.kind === 'too-long') {
      const cut = head === undefined ? current : undefined;
      if (current && !cut) yield current;
      [current, skipping] = [undefined, true];
      yield lineTooLong(`line ${line.number}${cut ? ` (in the message of line ${cut.number})` : ''}`, line.bytes, maxLineBytes);
    } else if (head === undefined) {
      if (current) current.lines.push(line.text);
      else if (line.text.trim() !== '' && !skipping) yield bad(`line ${line.number}`, `text before the first ${firstLine} line`);
    } else {
      if (current) yield current;
      [current, skipping] = [undefined, head === 'invalid'];
      if (head === 'invalid') yield bad(`line ${line.number}`, 'not a valid date or time');
      else current = { type: 'block', head, number: line.number, lines: [] };
    }
  }
  if (current) yield current;
}
