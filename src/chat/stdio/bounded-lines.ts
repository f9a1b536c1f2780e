import type { Readable } from 'node:stream';

/** `head`: the first bytes of a line over the limit, when the splitter is asked to keep them. */
export type Line = { kind: 'text'; text: string } | { kind: 'too-long'; bytes: number; head?: string };

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
  private head: string | undefined;

  /** `headBytes`: how much of a line over the limit to keep, to tell what kind of line it was. */
  constructor(
    private readonly maxBytes: number,
    private readonly headBytes = 0,
  ) {}

  *push(chunk: Buffer): Generator<Line> {
    let start = 0;
    for (let end = this.nextBreak(chunk, 0); end !== -1; end = this.nextBreak(chunk, start)) {
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

  /** Where the current line ends in `chunk`, searching from `from`; -1 when it goes on past the chunk. */
  protected nextBreak(chunk: Buffer, from: number): number {
    return chunk.indexOf(NEWLINE, from);
  }

  private take(bytes: Buffer): void {
    this.size += bytes.length;
    if (this.discarding) return;
    if (this.size > this.maxBytes) {
      this.discarding = true;
      // Copies only `headBytes`: a slice would keep the whole line's memory alive.
      if (this.headBytes > 0) this.head = Buffer.concat([...this.parts, bytes], Math.min(this.headBytes, this.size)).toString('utf8');
      this.parts = [];
    } else if (bytes.length > 0) this.parts.push(bytes);
  }

  private finish(): Line {
    const line: Line = this.discarding ? this.tooLong() : { kind: 'text', text: Buffer.concat(this.parts).toString('utf8').replace(/\r$/, '') };
    this.parts = [];
    this.size = 0;
    this.discarding = false;
    this.head = undefined;
    return line;
  }

  private tooLong(): Line {
    return { kind: 'too-long', bytes: this.size, ...(this.head === undefined ? {} : { head: this.head }) };
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
