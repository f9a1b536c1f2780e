import { TokenEnd, type TokenKind } from './json-token-end.js';

/** Where a value sits in the document: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

/** What to do with the value at a path: materialise it, look inside it, or pass over it. */
export type JsonWant = 'parse' | 'descend' | 'skip';

export interface JsonScanHandlers {
  /** Asked once per value, in document order; a skipped container's children are not asked about. */
  select: (path: JsonPath) => JsonWant;
  /** Receives every value selected with 'parse', in document order. */
  onValue: (path: JsonPath, value: unknown) => void;
  /**
   * A value selected with 'parse' that is longer than the limit: passed over without being
   * built, and reported here. Without this handler the scanner throws instead.
   */
  onTooLarge?: (path: JsonPath, chars: number) => void;
}

export interface JsonScanOptions {
  /** The longest value (or key) built, in characters. */
  maxValueChars?: number;
}

/** No chat message comes near it (Slack caps text at 40,000 characters); a hostile one is not built. */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;

interface Frame {
  kind: 'object' | 'array';
  skipping: boolean;
  key: string | number;
}

type State = 'value' | 'first-item' | 'key' | 'colon' | 'after' | 'done';

/** A key or value whose end is not yet read: its text so far when it is kept. */
interface OpenToken {
  end: TokenEnd;
  isKey: boolean;
  /** Undefined when the value is passed over (skipped, or too large to build). */
  pieces: string[] | undefined;
  chars: number;
  tooLarge: boolean;
  start: number;
}

/**
 * A streaming JSON reader that materialises only the values asked for (each message of an
 * export) with JSON.parse, and walks everything else without building it. It keeps its place in
 * an unfinished token across chunks, so the work is linear in the input however it is cut, and
 * memory holds the open containers' path and at most one value of at most `maxValueChars`.
 */
export class JsonScanner {
  /** Characters the token scans have looked at: about the input's length, however it is chunked. */
  examined = 0;
  private offset = 0;
  private state: State = 'value';
  private readonly stack: Frame[] = [];
  private open: OpenToken | undefined;
  private readonly maxValueChars: number;

  constructor(
    private readonly handlers: JsonScanHandlers,
    options: JsonScanOptions = {},
  ) {
    this.maxValueChars = options.maxValueChars ?? MAX_VALUE_CHARS;
  }

  push(chunk: string): void {
    this.run(chunk, false);
    this.offset += chunk.length;
  }

  /** Throws when the document is incomplete. */
  end(): void {
    this.run('', true);
    if (this.state !== 'done' || this.open) throw new Error(`unexpected end of JSON at character ${this.offset}`);
  }

  private path(): (string | number)[] {
    return this.stack.map((frame) => frame.key);
  }

  private run(text: string, final: boolean): void {
    let pos = this.open ? this.resume(text, final) : 0;
    while (pos >= 0 && pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) pos++;
      else pos = this.step(text, pos, c, final);
    }
  }

  /** One token from `pos`; returns where the next begins, or -1 when the text ends inside it. */
  private step(text: string, pos: number, c: number, final: boolean): number {
    const top = this.stack[this.stack.length - 1];
    switch (this.state) {
      case 'done':
        throw this.error(pos, 'extra data after the document');
      case 'first-item':
        if (c === 0x5d) return this.close(pos);
        this.state = 'value';
        return pos;
      case 'key':
        if (c === 0x7d) return this.close(pos);
        if (c !== 0x22) throw this.error(pos, 'expected a key');
        // Keys inside a skipped container are not kept: nothing asks for their path.
        return this.begin(text, pos, 'string', true, !top!.skipping, final);
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
    const container = c === 0x7b || c === 0x5b;
    if (container && want !== 'parse') {
      const kind = c === 0x7b ? 'object' : 'array';
      this.stack.push({ kind, skipping: want === 'skip', key: kind === 'array' ? 0 : '' });
      this.state = kind === 'object' ? 'key' : 'first-item';
      return pos + 1;
    }
    const kind: TokenKind = c === 0x22 ? 'string' : container ? 'container' : 'primitive';
    return this.begin(text, pos, kind, false, want === 'parse', final);
  }

  /** Starts a token at `pos`; finishes it when it ends in `text`, else keeps it open. */
  private begin(text: string, pos: number, kind: TokenKind, isKey: boolean, keep: boolean, final: boolean): number {
    const end = new TokenEnd(kind);
    const from = kind === 'string' ? pos + 1 : pos;
    const stop = end.find(text, from, final);
    this.examined += (stop < 0 ? text.length : stop) - from;
    const token: OpenToken = { end, isKey, pieces: keep ? [] : undefined, chars: 0, tooLarge: false, start: this.offset + pos };
    this.take(token, stop < 0 ? text.slice(pos) : text.slice(pos, stop));
    if (stop < 0) this.open = token;
    else this.finish(token);
    return stop;
  }

  /** Goes on with the open token in the next chunk; returns where the token ends, or -1. */
  private resume(text: string, final: boolean): number {
    const token = this.open!;
    const stop = token.end.find(text, 0, final);
    this.examined += stop < 0 ? text.length : stop;
    this.take(token, stop < 0 ? text : text.slice(0, stop));
    if (stop < 0) return -1;
    this.open = undefined;
    this.finish(token);
    return stop;
  }

  /** Adds a piece of the token's text, dropping the text once the token is over the limit. */
  private take(token: OpenToken, piece: string): void {
    token.chars += piece.length;
    if (!token.pieces) return;
    if (token.chars <= this.maxValueChars) {
      token.pieces.push(piece);
      return;
    }
    const what = token.isKey ? 'a key' : 'a value';
    if (token.isKey || !this.handlers.onTooLarge) throw this.error(token.start - this.offset, `${what} longer than ${this.maxValueChars} characters, the limit`);
    token.pieces = undefined;
    token.tooLarge = true;
  }

  private finish(token: OpenToken): void {
    if (token.tooLarge) this.handlers.onTooLarge!(this.path(), token.chars);
    else if (token.pieces) this.parsed(token, token.pieces.length === 1 ? token.pieces[0]! : token.pieces.join(''));
    this.state = token.isKey ? 'colon' : this.stack.length === 0 ? 'done' : 'after';
  }

  private parsed(token: OpenToken, text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw this.error(token.start - this.offset, (error as Error).message);
    }
    if (token.isKey) this.stack[this.stack.length - 1]!.key = value as string;
    else this.handlers.onValue(this.path(), value);
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
