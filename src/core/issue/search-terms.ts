const STOP = new Set(['the', 'a', 'an', 'is', 'are', 'to', 'of', 'in', 'on', 'and', 'or', 'for', 'with', 'it', 'this', 'that', 'i', 'we', 'you', 'my', 'how', 'what', 'why', 'can', 'not', 'no', 'do', 'does']);

/** The title's key terms for a duplicate search: its longest words, search syntax removed. */
export function searchTerms(title: string, max = 4): string[] {
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}._-]+/u)
    .map((word) => word.replace(/^[._-]+|(?<![._-])[._-]+$/g, ''))
    .filter((word) => word.length >= 2 && !STOP.has(word));
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, max);
}
