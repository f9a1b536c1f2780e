import { createRequire } from 'node:module';
import type * as OpenCC from 'opencc-js/t2cn';

type Pair = readonly [string, string];

/** What folding needs from OpenCC: the conversion, and the characters that make a text need it. */
export interface FoldDictionaries {
  convert: (text: string) => string;
  /** Characters used in Traditional Chinese only: a text without one is left as it is. */
  traditionalOnly: ReadonlySet<string>;
}

const pairsOf = (dict: OpenCC.DictLike): Pair[] =>
  typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ') as unknown as Pair) : [...dict];

const isCharacter = (text: string) => [...text].length === 1;

/** Characters a Simplified text may hold: the sources of OpenCC's Simplified → Traditional table. */
function simplifiedCharacters(cn2t: typeof OpenCC): Set<string> {
  const characters = new Set<string>();
  for (const dict of cn2t.Locale.from.cn!.flat()) for (const [from, to] of pairsOf(dict)) if (isCharacter(from) && from !== to) characters.add(from);
  return characters;
}

/**
 * OpenCC's Traditional → Simplified data, trimmed so that Simplified text never changes: Hong Kong and
 * Taiwan variants to standard Traditional (衞 → 衛, 爲 → 為), then Traditional to Simplified, characters
 * and the phrases that choose among several (乾淨 → 干净, 乾隆 stays). An entry is kept only when its
 * source holds a character Simplified Chinese does not use: OpenCC also maps characters both scripts
 * share (么 → 幺, 台 → 臺 as variants, 打坏 → 打坯), right for Traditional text, wrong for ours.
 * No regional vocabulary (軟體 → 软件): it would change the text's length. Loaded on the first Chinese
 * message, not at start-up: it takes about 100–200 ms.
 */
export function loadFoldDictionaries(): FoldDictionaries {
  const require = createRequire(import.meta.url);
  const t2cn = require('opencc-js/t2cn') as typeof OpenCC;
  const simplified = simplifiedCharacters(require('opencc-js/cn2t') as typeof OpenCC);
  const groups = [t2cn.Locale.from.hk!, t2cn.Locale.from.tw!, t2cn.Locale.to.cn!].map((group) => group.flat().map(pairsOf));
  const traditionalOnly = new Set<string>();
  for (const [from, to] of groups.flat(2)) if (isCharacter(from) && from !== to && !simplified.has(from)) traditionalOnly.add(from);
  const kept = groups.map((group) => group.map((pairs) => pairs.filter(([from]) => [...from].some((c) => traditionalOnly.has(c)))));
  return { convert: t2cn.ConverterFactory(...kept), traditionalOnly };
}
