/** Where a value sits in the document: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

/** What to do with the value at a path: materialise it, look inside it, or pass over it. */
export type JsonWant = 'parse' | 'descend' | 'skip';

export interface JsonScanHandlers {
  /** Asked once per value, in document order; a skipped container's children are not asked about. */
  select: (path: JsonPath) => JsonWant;
  /** Receives every value selected with 'parse', in document order. */
  onValue: (path: JsonPath, value: unknown) => void;
}

interface Frame {
  kind: 'object' | 'array';
  skipping: boolean;
  key: string | number;
}

type State = 'value' | 'first-item' | 'key' | 'colon' | 'after' | 'done';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A streaming JSON reader that materialises only the values asked for (each message of an
 * export) with JSON.parse, and walks everything else without building it. Memory holds the
 * open containers' path and at most one incomplete value, whatever the size of the document.
 */
export class JsonScanner {
  private buffer = '';
  private offset = 0;
  private state: State = 'value';
  private readonly stack: Frame[] = [];

  constructor(private readonly handlers: JsonScanHandlers) {}

  push(chunk: string): void {
    this.buffer = this.buffer.length > 0 ? this.buffer + chunk : chunk;
    const consumed = this.run(false);
    this.offset += consumed;
    this.buffer = this.buffer.slice(consumed);
  }

  /** Throws when the document is incomplete. */
  end(): void {
    const consumed = this.run(true);
    this.offset += consumed;
    this.buffer = this.buffer.slice(consumed);
    if (this.state !== 'done' || this.buffer.trim() !== '') throw new Error(`unexpected end of JSON at character ${this.offset}`);
  }

  private path(): (string | number)[] {
    return this.stack.map((frame) => frame.key);
  }

  private run(final: boolean): number {
    const text = this.buffer;
    let pos = 0;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) {
        pos++;
        continue;
      }
      const next = this.step(text, pos, c, final);
      if (next < 0) break;
      pos = next;
    }
    return pos;
  }

  /** One token from `pos`; returns where the next begins, or -1 when the buffer ends inside it. */
  private step(text: string, pos: number, c: number, final: boolean): number {
    const top = this.stack[this.stack.length - 1];
    switch (this.state) {
      case 'done':
        throw this.error(pos, 'extra data after the document');
      case 'first-item':
        if (c === 0x5d) return this.close(pos);
        this.state = 'value';
        return pos;
      case 'key': {
        if (c === 0x7d) return this.close(pos);
        if (c !== QUOTE) throw this.error(pos, 'expected a key');
        const end = stringEnd(text, pos);
        if (end < 0) return -1;
        top!.key = JSON.parse(text.slice(pos, end)) as string;
        this.state = 'colon';
        return end;
      }
      case 'colon':
        if (c !== 0x3a) throw this.error(pos, 'expected ":"');
        this.state = 'value';
        return pos + 1;
      case 'after':
        return this.after(pos, c, top);
      case 'value':
        return this.value(text, pos, c, top, final);
    }
  }

  private value(text: string, pos: number, c: number, top: Frame | undefined, final: boolean): number {
    const want = top?.skipping ? 'skip' : this.handlers.select(this.path());
    if ((c === 0x7b || c === 0x5b) && want !== 'parse') {
      const kind = c === 0x7b ? 'object' : 'array';
      this.stack.push({ kind, skipping: want === 'skip', key: kind === 'array' ? 0 : '' });
      this.state = kind === 'object' ? 'key' : 'first-item';
      return pos + 1;
    }
    const end = valueEnd(text, pos, final);
    if (end < 0) return -1;
    if (want === 'parse') {
      let value: unknown;
      try {
        value = JSON.parse(text.slice(pos, end));
      } catch (error) {
        throw this.error(pos, (error as Error).message);
      }
      this.handlers.onValue(this.path(), value);
    }
    this.state = this.stack.length === 0 ? 'done' : 'after';
    return end;
  }

  private after(pos: number, c: number, top: Frame | undefined): number {
    if (!top) throw this.error(pos, 'extra data after the document');
    if (c === 0x2c) {
      if (top.kind === 'array') {
        top.key = (top.key as number) + 1;
        this.state = 'value';
      } else this.state = 'key';
      return pos + 1;
    }
    if ((c === 0x5d && top.kind === 'array') || (c === 0x7d && top.kind === 'object')) return this.close(pos);
    throw this.error(pos, `expected "," or "${top.kind === 'array' ? ']' : '}'}"`);
  }

  private close(pos: number): number {
    this.stack.pop();
    this.state = this.stack.length === 0 ? 'done' : 'after';
    return pos + 1;
  }

  private error(pos: number, what: string): Error {
    const at = this.path().join('.');
    return new Error(`invalid JSON at character ${this.offset + pos}${at ? ` (in ${at})` : ''}: ${what}`);
  }
}

/** Index just past the string starting at `pos` (a quote), or -1 when it does not end in `text`. */
function stringEnd(text: string, pos: number): number {
  let from = pos + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Index just past the value starting at `pos`, or -1 when it does not end in `text`. */
function valueEnd(text: string, pos: number, final: boolean): number {
  const c = text.charCodeAt(pos);
  if (c === QUOTE) return stringEnd(text, pos);
  if (c !== 0x7b && c !== 0x5b) return primitiveEnd(text, pos, final);
  let depth = 0;
  for (let i = pos; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (d === 0x7b || d === 0x5b) depth++;
    else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i + 1;
  }
  return -1;
}

function primitiveEnd(text: string, pos: number, final: boolean): number {
  for (let i = pos; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) return i;
  }
  return final ? text.length : -1;
}
