export type FaqSource = 'manual' | 'chat' | 'issue' | 'import';

/** One answer with the ways people ask for it. */
export interface FaqEntry {
  id: string;
  /** Paraphrases of the question; the first is the one shown. */
  questions: string[];
  answer: string;
  /** Where the answer comes from (docs page, issue), shown with it. */
  url?: string;
  tags: string[];
  source: FaqSource;
}

export interface StoredFaqEntry extends FaqEntry {
  hits: number;
  helpful: number;
  notHelpful: number;
  createdAt: Date;
  updatedAt: Date;
}
