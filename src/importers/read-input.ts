import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { JsonScanner, type JsonScanHandlers } from './json-scanner.js';

const CHUNK_BYTES = 1 << 20;

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

/** The lines of a text stream with their 1-based numbers; a leading byte-order mark is dropped. */
export async function* readLines(stream: Readable): AsyncGenerator<{ line: string; number: number }> {
  let number = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    number++;
    yield { line: number === 1 ? line.replace(/^\uFEFF/, '') : line, number };
  }
}

/** Runs `scan` and hands on the items its callbacks collected after each chunk. */
export async function* drainEachChunk<T>(pending: T[], scan: AsyncIterable<void>): AsyncGenerator<T> {
  for await (const _ of scan) {
    const ready = pending.splice(0, pending.length);
    yield* ready;
  }
}
