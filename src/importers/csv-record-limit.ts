import { Transform, type TransformCallback } from 'node:stream';
import { LineSplitter, type Line } from '../chat/stdio/bounded-lines.js';

const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * Splits CSV bytes into records of at most `maxBytes`: a newline inside a quoted field continues
 * the record. Quotes are counted, which is exact for valid CSV (a quote inside a field is doubled).
 */
export class CsvRecordSplitter extends LineSplitter {
  private quoted = false;
  /** Physical lines ended so far, newlines inside quoted fields included. */
  linesEnded = 0;

  protected override nextBreak(chunk: Buffer, from: number): number {
    for (let at = from; ; ) {
      const end = chunk.indexOf(NEWLINE, at);
      if (countQuotes(chunk, at, end === -1 ? chunk.length : end) % 2 === 1) this.quoted = !this.quoted;
      if (end === -1) return -1;
      this.linesEnded++;
      if (!this.quoted) return end;
      at = end + 1;
    }
  }
}

function countQuotes(chunk: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = chunk.indexOf(QUOTE, from); at !== -1 && at < to; at = chunk.indexOf(QUOTE, at + 1)) count++;
  return count;
}

/**
 * Passes CSV through record by record, except a record over `maxBytes`: dropped as it streams by
 * (csv-parse would hold it whole, and its own max_record_size loses the records after it), told to
 * `onTooLong` with its first line, and replaced by empty lines so the parser's line numbers stay true.
 */
export function limitCsvRecords(maxBytes: number, onTooLong: (line: number, bytes: number) => void): Transform {
  const splitter = new CsvRecordSplitter(maxBytes);
  let firstLine = 1;
  const pass = (records: Iterable<Line>): Buffer => {
    const out: string[] = [];
    for (const record of records) {
      if (record.kind === 'text') out.push(`${record.text}\n`);
      else {
        onTooLong(firstLine, record.bytes);
        out.push('\n'.repeat(Math.max(1, splitter.linesEnded - firstLine + 1)));
      }
      firstLine = splitter.linesEnded + 1;
    }
    return Buffer.from(out.join(''));
  };
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      done(null, pass(splitter.push(chunk)));
    },
    flush(done: TransformCallback) {
      done(null, pass(splitter.end()));
    },
  });
}
