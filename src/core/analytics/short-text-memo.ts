/**
 * Remembers `compute` for short texts, which chat repeats all day (好的, 谢谢, +1, 怎么安装？);
 * bounded: the memory is emptied when it holds `capacity` texts. Results must not be mutated.
 */
export function memoizeShortTexts<T>(compute: (text: string) => T, capacity = 20_000, maxLength = 80): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (text.length > maxLength) return compute(text);
    // `has` first: `undefined` is a result worth remembering too.
    if (memo.has(text)) return memo.get(text) as T;
    const result = compute(text);
    if (memo.size >= capacity) memo.clear();
    memo.set(text, result);
    return result;
  };
}
