import { loadFoldDictionaries } from './fold-dictionaries.js';

type Convert = (text: string) => string;

/** Han ideographs (the CJK blocks and the compatibility ideographs). */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

interface Folding {
  convert: Convert;
  /** Whether the text holds a character only Traditional Chinese uses: text without one comes out as it went in. */
  mayChange: (text: string) => boolean;
}

let folding: Folding | undefined;

/** A test for any of `characters`: a byte per UTF-16 unit (checked at every position), a set for the few beyond. */
function anyOf(characters: Iterable<string>): (text: string) => boolean {
  const units = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const character of characters) {
    const code = character.codePointAt(0)!;
    if (code > 0xffff) astral.add(code);
    else units[code] = 1;
  }
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (units[unit] === 1) return true;
      if (unit >= 0xd800 && unit <= 0xdbff && astral.has(text.codePointAt(i)!)) return true;
    }
    return false;
  };
}

function loadFolding(): Folding {
  const { convert, traditionalOnly } = loadFoldDictionaries();
  return { convert, mayChange: anyOf(traditionalOnly) };
}

/** One character at a time: each keeps its place even where a phrase would convert to another length. */
function foldEachCharacter(text: string, fold: Convert): string {
  let out = '';
  for (const character of text) {
    const folded = fold(character);
    out += folded.length === character.length ? folded : character;
  }
  return out;
}

/**
 * Text as the command parsers and the FAQ compare it: Traditional Chinese folded to Simplified with
 * OpenCC's data (以上三條開工單 → 以上三条开工单, 幫助 → 帮助), everything else unchanged. Only for
 * matching: the message is stored as written. The result has the same length as `text`, character
 * for character, so what a parser finds at a position of the folded text is at that position of the
 * original too (see {@link unfoldStrings}). Ingest folds every message, so the common cases are cheap:
 * text without Han, or without a character any dictionary entry changes, is returned as it is.
 */
export function foldForMatching(text: string): string {
  // Until a Chinese message comes, the dictionaries are not even loaded.
  if (!folding && !HAN.test(text)) return text;
  folding ??= loadFolding();
  if (!folding.mayChange(text)) return text;
  const folded = folding.convert(text);
  return folded.length === text.length ? folded : foldEachCharacter(text, folding.convert);
}

/** The characters folding changed, from folded back to original, read position by position. */
function unfoldMap(folded: string, original: string): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] !== original[i] && !map.has(folded[i]!)) map.set(folded[i]!, original[i]!);
  }
  return map;
}

function unfoldValue(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, (c) => map.get(c) ?? c);
  if (Array.isArray(value)) return value.map((item) => unfoldValue(item, map));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unfoldValue(item, map)]));
  }
  return value;
}

/**
 * `value` (a parser's result: strings, arrays and plain objects) with the characters folding changed put
 * back as `original` wrote them: a title or a comment said in Traditional Chinese stays Traditional.
 * `folded` is `foldForMatching(original)`.
 */
export function unfoldStrings<T>(value: T, folded: string, original: string): T {
  if (folded === original) return value;
  return unfoldValue(value, unfoldMap(folded, original)) as T;
}
