const STOP = new Set(['the', 'a', 'an', 'is', 'are', 'to', 'of', 'in', 'on', 'and', 'or', 'for', 'with', 'it', 'this', 'that', 'i', 'we', 'you', 'my', 'how', 'what', 'why', 'can', 'not', 'no', 'do', 'does']);

/** A word longer than this is a hash, a path or noise, not a search term. */
export const TERM_MAX = 50;
/**
 * The terms together, spaces included: GitHub refuses a query over 256 characters, and the
 * `repo:OWNER/NAME is:issue is:open` before them takes up to 162 (a 39-character owner, a 100-character name).
 */
export const TERMS_MAX = 80;

/**
 * The title's key terms for a duplicate search: its longest words (at most `max`, none over
 * {@link TERM_MAX}, {@link TERMS_MAX} all together), search syntax removed. Lower case, so no
 * term is an AND/OR/NOT operator.
 */
export function searchTerms(title: string, max = 4): string[] {
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}._-]+/u)
    .map((word) => word.replace(/^[._-]+|(?<![._-])[._-]+$/g, ''))
    .filter((word) => word.length >= 2 && word.length <= TERM_MAX && !STOP.has(word));
  const terms: string[] = [];
  let length = 0;
  for (const word of [...new Set(words)].sort((a, b) => b.length - a.length)) {
    if (terms.length === max) break;
    if (length + word.length + 1 > TERMS_MAX) continue;
    terms.push(word);
    length += word.length + 1;
  }
  return terms;
}
