/** What to look for: every word of `text` (segmented like the index), in public rooms, or in one room. */
export interface SearchQuery {
  text: string;
  roomId?: number;
  limit: number;
  offset: number;
}

export interface SearchHit {
  messageId: number;
  roomId: number;
  /** Higher is better; only comparable within one result list. */
  score: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** More hits follow this page. */
  more: boolean;
  /** The query's words, as segmented (for highlighting). */
  terms: string[];
}

/** Full-text search over the public archive: jieba-segmented, redacted text, indexed per public room. */
export interface SearchIndex {
  /** Indexes the messages of public rooms written or edited since the last sync; returns how many were (re)indexed. */
  sync(): Promise<number>;
  /**
   * Messages matching every word of the query, best first. Only messages that may be published
   * right now are returned: public room, people's messages, not recalled, sender not opted out.
   */
  search(query: SearchQuery): Promise<SearchPage>;
}
