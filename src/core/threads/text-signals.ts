import { looksLikeQuestion } from '../faq/looks-like-question.js';

/** What the engine reads off a message's text once, when it arrives. */
export interface TextSignals {
  /** Content words (Latin words of 3+ letters, CJK character pairs), stop words left out. */
  words: Set<string>;
  links: Set<string>;
  question: boolean;
  /** Opens a topic: a greeting or a call to anyone ("hi all", "请问", "anyone…"). */
  opener: boolean;
  /** A short acknowledgement ("ok", "thanks", "好的"). */
  ack: boolean;
  /** Number of characters. */
  length: number;
}

const STOP = new Set(
  ('the and for are but not you your all any can had her was one our out has him his how its may new now ' +
    'see two who did get got let say she too use way yes yeah just like have this that with from they will ' +
    'what when where which would there their then than them been were into some could should about also ' +
    'does dont don\'t cant can\'t it\'s i\'m im know think need want try here only well really thing much ' +
    'more make still even very lol okay ok thanks thank please sure right work works using used')
    .split(' '),
);
// As UTF-16 code units (all in the BMP): a pair is checked without cutting a string per character.
const CJK_STOP = new Set(Array.from('的了吗呢吧啊呀是我你他她它们在有和就都也这那个不一', (char) => char.charCodeAt(0)));
const LINK = /\bhttps?:\/\/[^\s<>"'）)]+/gi;
const LATIN = /[a-z][a-z0-9_.+#-]*[a-z0-9+#]/g;
const CJK_RUN = /[\u3400-\u9fff]+/g;
const OPENER = /^(hi|hello|hey|morning|evening|greetings|yo)\b|\b(any ?(one|body)|somebody|someone)\b|^(大家好|各位|请问|求助|有人|有没有人)/i;
const ACK = /^(ok(ay)?|k|thanks?( you)?|thx|ty|cool|nice|great|yes|yep|yeah|no|nope|right|sure|ah|oh|hmm+|i see|got it|好的?|嗯+|谢谢|多谢|收到|明白了?|了解|懂了|哦+|对)[\s.!。！~]*$/i;

/** Reads the signals of a message's text. */
export function readTextSignals(text: string, lower = text.toLowerCase()): TextSignals {
  const words = new Set<string>();
  const links = new Set<string>();
  // exec loops on the global expressions rather than matchAll, which copies the expression per call
  // (none of them matches the empty string, so each step moves on).
  let match: RegExpExecArray | null;
  if (lower.includes('http')) {
    LINK.lastIndex = 0;
    while ((match = LINK.exec(lower)) !== null) links.add(match[0].replace(/(?<![.,;:!?])[.,;:!?]+$/, ''));
  }
  const withoutLinks = links.size ? lower.replace(LINK, ' ') : lower;
  LATIN.lastIndex = 0;
  while ((match = LATIN.exec(withoutLinks)) !== null) {
    const word = match[0].endsWith('.') ? match[0].replace(/(?<![.])[.]+$/, '') : match[0];
    if (word.length >= 3 && !STOP.has(word)) words.add(word);
  }
  CJK_RUN.lastIndex = 0;
  while ((match = CJK_RUN.exec(withoutLinks)) !== null) {
    const run = match[0];
    for (let i = 0; i + 1 < run.length; i++) {
      if (!CJK_STOP.has(run.charCodeAt(i)) && !CJK_STOP.has(run.charCodeAt(i + 1))) words.add(run.slice(i, i + 2));
    }
  }
  const trimmed = text.trim();
  return {
    words,
    links,
    question: looksLikeQuestion(trimmed),
    opener: OPENER.test(trimmed),
    ack: ACK.test(trimmed),
    length: trimmed.length,
  };
}
