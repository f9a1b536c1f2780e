const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export type TokenKind = 'string' | 'container' | 'primitive';

/**
 * Finds where one JSON token ends, chunk after chunk: it keeps its place (nesting depth, inside a
 * string or not, a backslash pending) so every character is looked at once, however the input is
 * cut. It checks no syntax: JSON.parse does that on the tokens that are kept.
 */
export class TokenEnd {
  private depth = 0;
  private inString: boolean;
  /** The text so far ends inside a string with an odd run of backslashes: the next character is escaped. */
  private escaped = false;

  constructor(readonly kind: TokenKind) {
    this.inString = kind === 'string';
  }

  /** Index in `text` just past the token's end, or -1 when the token goes on past `text`. */
  find(text: string, from: number, final: boolean): number {
    if (this.kind === 'primitive') return primitiveEnd(text, from, final);
    if (this.kind === 'string') return this.stringRest(text, from);
    return this.containerRest(text, from);
  }

  private containerRest(text: string, from: number): number {
    let i = from;
    if (this.inString) {
      i = this.stringRest(text, i);
      if (i < 0) return -1;
    }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.inString = true;
        const end = this.stringRest(text, i + 1);
        if (end < 0) return -1;
        i = end - 1;
      } else if (c === 0x7b || c === 0x5b) this.depth++;
      else if ((c === 0x7d || c === 0x5d) && --this.depth === 0) return i + 1;
    }
    return -1;
  }

  /** Inside a string from `from`: index just past its closing quote, or -1. */
  private stringRest(text: string, from: number): number {
    let i = from;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote < 0) {
        this.escaped = oddBackslashesBefore(text, text.length, from, this.escaped);
        return -1;
      }
      if (!oddBackslashesBefore(text, quote, from, this.escaped)) {
        this.escaped = false;
        this.inString = false;
        return quote + 1;
      }
      i = quote + 1;
    }
  }
}

/**
 * True when an odd number of backslashes end just before `end`. A run that reaches back to
 * `from` continues the previous chunk's, whose parity is `before`. Runs are counted backwards
 * only up to the previous non-backslash, so each character is still looked at a bounded number of times.
 */
function oddBackslashesBefore(text: string, end: number, from: number, before: boolean): boolean {
  let run = 0;
  while (end - 1 - run >= from && text.charCodeAt(end - 1 - run) === BACKSLASH) run++;
  const odd = run % 2 === 1;
  return end - run === from && before ? !odd : odd;
}

function primitiveEnd(text: string, from: number, final: boolean): number {
  for (let i = from; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) return i;
  }
  return final ? text.length : -1;
}
