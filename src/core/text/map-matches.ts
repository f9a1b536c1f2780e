/** `text` rebuilt from `onMatch` of every match of the global `pattern` and `onRest` of the stretches between them. */
export function mapMatches(text: string, pattern: RegExp, onMatch: (match: string, at: number) => string, onRest: (rest: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += onRest(text.slice(last, m.index)) + onMatch(m[0], m.index);
    last = m.index + m[0].length;
  }
  return out + onRest(text.slice(last));
}
