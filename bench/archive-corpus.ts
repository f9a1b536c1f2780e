import { PHRASES } from './ingest/phrases.js';
import { pick, seededRandom } from './ingest/random.js';

const CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理';
const LATIN = ['config', 'build', 'docker', 'release', 'plugin', 'webhook', 'segfault', 'migration', 'typescript', 'kubernetes', 'gateway', 'token', 'schema', 'cache', 'latency', 'sqlite', 'postgres', 'arm64', 'windows', 'macos'];

export interface CorpusMessage {
  id: string;
  sender: number;
  text: string;
  ts: number;
  conversation: string;
}

/** A Zipf-like vocabulary: a few words everyone uses, most words rare. */
function vocabulary(random: () => number): string[] {
  const words: string[] = [...LATIN];
  for (let i = 0; words.length < 6000; i++) {
    if (i % 4 === 0) words.push(`${pick(random, LATIN)}${Math.floor(random() * 900) + 100}`);
    else words.push(`${pick(random, [...CHARS])}${pick(random, [...CHARS])}`);
  }
  return words;
}

function zipf(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1)) - 1));
}

/** `size` messages of one room: a phrase people say, plus words of the vocabulary; conversations of about eight messages. */
export function* archiveCorpus(size: number): Iterable<CorpusMessage> {
  const random = seededRandom(8);
  const words = vocabulary(random);
  const start = Date.UTC(2025, 0, 1);
  let conversation = 'm0';
  for (let i = 0; i < size; i++) {
    if (random() < 0.125) conversation = `m${i}`;
    const extra = Array.from({ length: 1 + Math.floor(random() * 4) }, () => words[zipf(random, words.length)]!).join(' ');
    yield { id: `m${i}`, sender: Math.floor(random() * 300), text: `${random() < 0.6 ? pick(random, PHRASES) : ''} ${extra}`.trim(), ts: start + i * 30_000, conversation };
  }
}

/** Queries as people type them: common, middling and rare words, Chinese and English, some of two words. */
export function archiveQueries(count: number): string[] {
  const random = seededRandom(9);
  const words = vocabulary(seededRandom(8));
  const fixed = ['内存泄漏', '编译报错', 'segfault', '版本', 'release', '社区会议', 'docker compose', '文档 参数'];
  const out = [...fixed];
  while (out.length < count) {
    const word = words[zipf(random, words.length)]!;
    out.push(random() < 0.2 ? `${word} ${words[zipf(random, words.length)]!}` : word);
  }
  return out;
}
