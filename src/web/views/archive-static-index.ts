import MiniSearch from 'minisearch';
import type { ConversationView } from '../../core/archive/archive-views.js';
import type { Segmenter } from '../../search/segment.js';
import { REDACTION_MARK } from '../../core/archive/redact.js';

/** The options the browser must load the index with (its script repeats them). */
export const MINISEARCH_OPTIONS = {
  fields: ['title', 'text'],
  storeFields: ['t', 's', 'n', 'p'],
  tokenize: (text: string) => text.split(' ').filter(Boolean),
  processTerm: (term: string) => term.toLowerCase(),
};

const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]{2,8}$/u;
const SNIPPET = 200;

/** One room's client-side index: a MiniSearch over its conversations (text segmented here, with jieba) and the words the browser cuts queries with. */
export class StaticRoomIndex {
  private readonly search = new MiniSearch(MINISEARCH_OPTIONS);
  private readonly vocabulary = new Set<string>();

  constructor(private readonly segmenter: Segmenter) {}

  private words(text: string): string {
    const words = this.segmenter.segment(text.replace(REDACTION_MARK, ' '));
    for (const word of words) if (CJK_WORD.test(word)) this.vocabulary.add(word);
    return words.join(' ');
  }

  /** One page of a conversation: page 1 under the conversation's number, later pages as `number/page` (p: the page). */
  add(view: ConversationView): void {
    const text = view.messages.map((m) => m.text).join('\n');
    const id = view.page === 1 ? view.number : `${view.number}/${view.page}`;
    this.search.add({ id, title: this.words(view.title), text: this.words(text), t: view.title, s: [...text.replace(/\s+/g, ' ')].slice(0, SNIPPET).join(''), n: view.number, p: view.page });
  }

  toJSON(): string {
    return JSON.stringify({ version: 1, vocabulary: [...this.vocabulary].sort(), index: this.search.toJSON() });
  }
}
