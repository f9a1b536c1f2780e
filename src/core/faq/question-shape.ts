/** What the reranker compares beyond shared words: the text's characters, question kinds, numbers. */
export interface QuestionShape {
  /** Letters and digits of the canonical words, in order (one code point each). */
  chars: string[];
  /** Bit set of the kinds of question asked (how, why, where…), see `QUESTION_KINDS`. */
  asks: number;
  /** The numbers mentioned, sorted and joined by commas ('' when none). */
  numbers: string;
}

/** Question words by kind, in canonical form (after synonyms); asking how is not asking why. */
const QUESTION_KINDS: readonly (readonly string[])[] = [
  ['怎么', '怎么办', '方法', 'how'],
  ['怎么样', '好不好', '好吗'],
  ['为什么', '原因', 'why'],
  ['哪里', 'where'],
  ['什么', 'what'],
  ['哪个', '哪些', 'which'],
  ['什么时候', 'when'],
  ['谁', 'who'],
  ['多少', '几', '多久', '多大', '多长', '多远'],
  ['能', '会', '能不能', '会不会', '可不可以', 'can', 'could'],
  ['是否', '是不是', '有没有'],
];

const KIND_OF = new Map(QUESTION_KINDS.flatMap((words, kind) => words.map((word) => [word, kind] as const)));
const NUMBER = /^(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万亿]+)$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The shape of a text from its canonical words (synonyms mapped, stop words dropped). */
export function questionShape(words: readonly string[]): QuestionShape {
  let asks = 0;
  const numbers: string[] = [];
  for (const word of words) {
    const kind = KIND_OF.get(word);
    if (kind !== undefined) asks |= 1 << kind;
    if (NUMBER.test(word)) numbers.push(word);
  }
  const chars = [...words.join('')].filter((char) => LETTER_OR_DIGIT.test(char));
  return { chars, asks, numbers: numbers.sort().join(',') };
}
