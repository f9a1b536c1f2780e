import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { DOMAIN_WORDS } from './domain-words.js';
import { normalizeText } from './normalize.js';
import { createSegmenter, type Segmenter } from './segment.js';

/** How jieba cuts. */
export interface JiebaOptions {
  /** Guess unknown words with jieba's HMM (joins 装不上, 未育…). Default true. */
  hmm?: boolean;
}

/** Frequency given to added words: high enough to win over their parts, not over longer words. */
const ADDED_WORD_FREQUENCY = 300;

let shared: Jieba | undefined;
const added = new Set<string>();

/** The process's one jieba; its stock dictionary takes ~0.4 s to load, so it is loaded once. */
function jieba(): Jieba {
  shared ??= Jieba.withDict(dict);
  return shared;
}

/** Adds the words the dictionary splits to it (each once); they stay for the life of the process. */
function addWords(words: Iterable<string>): void {
  const lines: string[] = [];
  for (const raw of words) {
    const word = normalizeText(raw).replace(/\s+/g, '');
    if (word === '' || added.has(word)) continue;
    added.add(word);
    if (jieba().cut(word, false).length === 1) continue;
    lines.push(`${word} ${ADDED_WORD_FREQUENCY}`);
  }
  if (lines.length > 0) jieba().loadDict(Buffer.from(`${lines.join('\n')}\n`));
}

/**
 * A `Segmenter` backed by @node-rs/jieba, with OSSChat's domain words (开工单, 微信群…) and
 * `extraWords` added. Latin words stay whole and lower-cased; full-width forms are folded.
 * The dictionary is shared by the process: words added by one segmenter serve all of them.
 */
export function createJiebaSegmenter(extraWords: Iterable<string> = [], options: JiebaOptions = {}): Segmenter {
  addWords(DOMAIN_WORDS);
  addWords(extraWords);
  const hmm = options.hmm ?? true;
  return createSegmenter((run) => jieba().cut(run, hmm));
}
