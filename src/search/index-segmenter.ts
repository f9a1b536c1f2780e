import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { DOMAIN_WORDS } from './domain-words.js';
import { normalizeText } from './normalize.js';
import { createSegmenter, type Segmenter } from './segment.js';

let instance: Jieba | undefined;

/** A jieba of its own, with OSSChat's domain words: search-mode cutting must not disturb the shared one. */
function searchJieba(): Jieba {
  if (instance) return instance;
  instance = Jieba.withDict(dict);
  const lines = [...new Set(DOMAIN_WORDS.map((w) => normalizeText(w).replace(/\s+/g, '')).filter(Boolean))].map((w) => `${w} 300`);
  if (lines.length) instance.loadDict(Buffer.from(`${lines.join('\n')}\n`));
  return instance;
}

/**
 * The segmenter for indexing: jieba's search mode, which keeps the words of a long word too
 * (重新安装 → 重新 安装 重新安装), so a query cut the ordinary way finds it either way.
 */
export function createIndexSegmenter(): Segmenter {
  return createSegmenter((run) => searchJieba().cutForSearch(run, true));
}
