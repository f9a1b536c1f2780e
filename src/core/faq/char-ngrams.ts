/** Counts of the character unigrams and bigrams of `text` (letters and digits only). */
export function charNgrams(text: string): Map<string, number> {
  const chars = [...text].filter((char) => /[\p{L}\p{N}]/u.test(char));
  const grams = new Map<string, number>();
  const bump = (gram: string): void => {
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  };
  for (let i = 0; i < chars.length; i++) {
    bump(chars[i] as string);
    if (i + 1 < chars.length) bump(`${chars[i]}${chars[i + 1]}`);
  }
  return grams;
}

/** Whether an n-gram is a bigram (indexed for candidate generation; unigrams are too common). */
export function isBigram(gram: string): boolean {
  return [...gram].length === 2;
}
