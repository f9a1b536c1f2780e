import type { Readable } from 'node:stream';

export type Line = { kind: 'text'; text: string } | { kind: 'too-long'; bytes: number };

const NEWLINE = 0x0a;

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/**
 * Splits bytes into lines of at most `maxBytes`; a longer line is counted and dropped as it streams
 * by, never held whole, and reported once its newline arrives.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private discarding = false;

  constructor(private readonly maxBytes: number) {}

  *push(chunk: Buffer): Generator<Line> {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.take(chunk.subarray(start, end));
      yield this.finish();
      start = end + 1;
    }
    this.take(chunk.subarray(start));
  }

  /** The last line, when the input does not end with a newline. */
  *end(): Generator<Line> {
    if (this.size > 0 || this.discarding) yield this.finish();
  }

  private take(bytes: Buffer): void {
    this.size += bytes.length;
    if (this.discarding) return;
    if (this.size > this.maxBytes) {
      this.discarding = true;
      this.parts = [];
    } else if (bytes.length > 0) this.parts.push(bytes);
  }

  private finish(): Line {
    const line: Line = this.discarding ? { kind: 'too-long', bytes: this.size } : { kind: 'text', text: Buffer.concat(this.parts).toString('utf8').replace(/\r$/, '') };
    this.parts = [];
    this.size = 0;
    this.discarding = false;
    return line;
  }
}

/** The lines of `input` until it ends or `stopped` resolves; reading follows the consumer (back-pressure). */
export async function* boundedLines(input: Readable, maxBytes: number, stopped: Promise<void>): AsyncGenerator<Line> {
  const splitter = new LineSplitter(maxBytes);
  const chunks = input.iterator({ destroyOnReturn: false });
  let isStopped = false;
  let wake = () => undefined as void;
  // One listener on `stopped`, not a Promise.race per chunk: each race would keep its chunk alive until the stop.
  void stopped.then(() => ((isStopped = true), wake()));
  while (!isStopped) {
    const next = await new Promise<IteratorResult<unknown>>((resolve, reject) => {
      wake = () => resolve({ done: true, value: undefined });
      chunks.next().then(resolve, reject);
    });
    if (next.done) break;
    yield* splitter.push(typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer));
  }
  yield* splitter.end();
}
