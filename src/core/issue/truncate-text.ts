const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts `text` to at most `max` code points, ending with `…` when cut. The cut falls between
 * grapheme clusters, so it never splits a surrogate pair, a flag or a ZWJ emoji sequence.
 */
export function truncateText(text: string, max: number): string {
  if ([...text].length <= max) return text;
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = [...segment].length;
    if (count + size > max - 1) break;
    kept += segment;
    count += size;
  }
  return `${kept.trimEnd()}…`;
}
