import type { Segmenter } from '../../search/segment.js';
import { REDACTION_MARK } from '../archive/redact.js';
import { KEYWORD_STOP_WORDS } from './keyword-stop-words.js';
import { memoizeShortTexts } from './short-text-memo.js';

const URL_MENTION_OR_ISSUE = /https?:\/\/\S+|@\S+|[\w./-]*#\d+/gi;
const NUMBER_LIKE = /^[\d.,:%+-]+$/;

/** The words of a message that may be topics: no stop words, single characters, numbers, links or @names. */
export function createKeywordTerms(segmenter: Segmenter, stopWords: ReadonlySet<string> = KEYWORD_STOP_WORDS): (text: string) => string[] {
  // Remembered on the text without its links, which is what recurs ("see https://…/issues/12").
  const termsOf = memoizeShortTexts((plain: string) => {
    const words = segmenter.segment(plain);
    const terms: string[] = [];
    for (const word of words) {
      if (word.length > 32 || stopWords.has(word) || NUMBER_LIKE.test(word) || characters(word) < 2) continue;
      terms.push(word);
    }
    return terms;
  });
  return (text) => {
    const plain = text.includes('/') || text.includes('@') || text.includes('#') ? text.replace(URL_MENTION_OR_ISSUE, ' ') : text;
    // What redaction hid ([phone], [email]…) is no topic (the public report reads redacted text).
    return termsOf(plain.includes('[') ? plain.replace(REDACTION_MARK, ' ') : plain);
  };
}

/** Characters, not UTF-16 units: an emoji is one. */
function characters(word: string): number {
  return word.length > 2 ? word.length : [...word].length;
}
