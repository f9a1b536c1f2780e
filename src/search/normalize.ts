/**
 * Folds full-width forms to half-width (ＡＢＣ１２３ → ABC123, ？ → ?), lower-cases and
 * collapses whitespace, so that the segmenter and the n-gram matcher see the same text.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Whether a token carries meaning: it has a letter or a digit (not only punctuation or space). */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/** Latin words, numbers and tech names such as `node.js`, `c++`, `python3.10`, `can't`. */
export const LATIN_WORD = /[a-z0-9][a-z0-9._+#'-]*[a-z0-9+#]|[a-z0-9]/g;

/** Splits normalised text into runs of Latin/digit text and runs of everything else. */
export function splitScripts(text: string): { latin: boolean; text: string }[] {
  const runs: { latin: boolean; text: string }[] = [];
  for (const match of text.matchAll(/([a-z0-9][a-z0-9._+#'\- ]*)|([^a-z0-9]+)/g)) {
    runs.push({ latin: match[1] !== undefined, text: match[0] });
  }
  return runs;
}

/** The words of a Latin run: `Node.js 20` → `node.js`, `20`; trailing dots and `'s` are dropped. */
export function latinWords(run: string): string[] {
  return [...run.matchAll(LATIN_WORD)].map((match) => match[0].replace(/'s$/, ''));
}
