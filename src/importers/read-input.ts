import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter, type Line } from '../chat/stdio/bounded-lines.js';
import { JsonScanner, type JsonScanHandlers } from './json-scanner.js';

const CHUNK_BYTES = 1 << 20;
/** Enough of a line over the limit to tell whether it starts a message (its date, time and name). */
const KEPT_HEAD_BYTES = 1024;

export function openFile(path: string, onBytes?: (bytes: number) => void): Readable {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  if (onBytes) stream.on('data', (chunk) => onBytes(chunk.length));
  return stream;
}

/**
 * Feeds a byte stream through a JsonScanner; yields after each chunk, so the caller can hand on
 * what `onValue` collected before the next chunk is read.
 */
export async function* scanJson(stream: Readable, handlers: JsonScanHandlers): AsyncGenerator<void> {
  const scanner = new JsonScanner(handlers);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    scanner.push(decoder.write(chunk));
    yield;
  }
  scanner.push(decoder.end());
  scanner.end();
  yield;
}

export type NumberedLine = Line & { number: number };

/**
 * The lines of a text stream with their 1-based numbers; a leading byte-order mark is dropped.
 * A line over `maxBytes` is never held whole: it comes as `too-long`, and reading goes on.
 */
export async function* readLines(stream: Readable, maxBytes: number): AsyncGenerator<NumberedLine> {
  const splitter = new LineSplitter(maxBytes, KEPT_HEAD_BYTES);
  let number = 0;
  const numbered = (line: Line): NumberedLine => {
    number++;
    return line.kind === 'text' && number === 1 ? { ...line, text: line.text.replace(/^\uFEFF/, ''), number } : { ...line, number };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) for (const line of splitter.push(chunk)) yield numbered(line);
  for (const line of splitter.end()) yield numbered(line);
}

/** Runs `scan` and hands on the items its callbacks collected after each chunk. */
export async function* drainEachChunk<T>(pending: T[], scan: AsyncIterable<void>): AsyncGenerator<T> {
  for await (const _ of scan) {
    const ready = pending.splice(0, pending.length);
    yield* ready;
  }
}
