import { bad, type BadRecord } from './import-record.js';

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
 */
export async function* datedBlocks<H>(
  lines: AsyncIterable<{ line: string; number: number }>,
  parse: (line: string) => H | 'invalid' | undefined,
  firstLine: string,
): AsyncGenerator<DatedBlock<H> | BadRecord> {
  let current: DatedBlock<H> | undefined;
  let skipping = false;
  for await (const { line, number } of lines) {
    const head = parse(line);
    if (head === undefined) {
      if (current) current.lines.push(line);
      else if (line.trim() !== '' && !skipping) yield bad(`line ${number}`, `text before the first ${firstLine} line`);
      continue;
    }
    if (current) yield current;
    current = undefined;
    skipping = head === 'invalid';
    if (head === 'invalid') yield bad(`line ${number}`, 'not a valid date or time');
    else current = { type: 'block', head, number, lines: [] };
  }
  if (current) yield current;
}
