/** Length of the longest run of characters the two sequences share. */
export function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] as number) + 1 : 0;
      if ((current[j] as number) > best) best = current[j] as number;
    }
    [previous, current] = [current, previous];
  }
  return best;
}

/** Length of the longest common subsequence: the characters both keep, in the same order. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] as number) + 1 : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** Share of `a`'s characters (with repeats) that `b` also has. */
export function charCoverage(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return 0;
  const left = new Map<string, number>();
  for (const char of b) left.set(char, (left.get(char) ?? 0) + 1);
  let covered = 0;
  for (const char of a) {
    const count = left.get(char) ?? 0;
    if (count > 0) {
      covered++;
      left.set(char, count - 1);
    }
  }
  return covered / a.length;
}

/** Jaccard similarity of the two sequences' sets of adjacent character pairs. */
export function bigramJaccard(a: readonly string[], b: readonly string[]): number {
  const pairs = (chars: readonly string[]): Set<string> => new Set(chars.slice(1).map((char, i) => `${chars[i]}${char}`));
  const [left, right] = [pairs(a), pairs(b)];
  if (left.size === 0 && right.size === 0) return a.join('') === b.join('') ? 1 : 0;
  let shared = 0;
  for (const pair of left) if (right.has(pair)) shared++;
  return shared / (left.size + right.size - shared);
}
