import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createFaqIndex, latencySummary, searchAll, type FaqEntry } from '../../src/core/faq/index.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';
import { readKb } from './read-kb.js';
import { readQueries } from '../../src/core/faq/read-queries.js';
import { splitHalves } from './split.js';

/** Pads the KB to `size` entries with look-alikes: the first half of one question, the second of another. */
function grow(entries: FaqEntry[], size: number, paraphrases: number): FaqEntry[] {
  const pool = entries.flatMap((entry) => entry.questions);
  const pick = (n: number): string => pool[(n * 7919) % pool.length] as string;
  const extra = Array.from({ length: Math.max(0, size - entries.length) }, (_, i) => {
    const questions = Array.from({ length: paraphrases }, (_, j) => {
      const [a, b] = [[...pick(i * 3 + j)], [...pick(i * 5 + j + 1)]];
      return a.slice(0, a.length >> 1).join('') + b.slice(b.length >> 1).join('');
    });
    return { id: `synthetic-${i}`, questions, answer: `answer ${i}` };
  });
  return [...entries, ...extra];
}

function main(): void {
  const { values } = parseArgs({ options: { kb: { type: 'string' }, queries: { type: 'string' }, size: { type: 'string', default: '10000' }, paraphrases: { type: 'string', default: '1' } } });
  if (values.kb === undefined || values.queries === undefined) throw new Error('usage: bench-latency.ts --kb FILE --queries FILE [--size N] [--paraphrases P]');
  const entries = grow(readKb(readFileSync(values.kb, 'utf8')).entries, Number(values.size), Number(values.paraphrases));
  const queries = readQueries(readFileSync(values.queries, 'utf8')).queries;
  const segmenter = createJiebaSegmenter();
  const started = performance.now();
  const index = createFaqIndex({ segmenter });
  for (const entry of entries) index.add(entry);
  const built = performance.now() - started;
  const cold = latencySummary(searchAll(index, splitHalves(queries, 1).tune.slice(0, 500)).map((item) => item.ms));
  const warm = latencySummary(searchAll(index, queries).map((item) => item.ms));
  const memory = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  const ms = (value: number): string => `${value.toFixed(3)} ms`;
  console.log(`${index.size} entries, ${entries.reduce((n, e) => n + e.questions.length, 0)} questions, built in ${ms(built)}, heap ${memory} MB`);
  console.log(`first 500 searches: p50 ${ms(cold.p50)}, p99 ${ms(cold.p99)}, max ${ms(cold.max)}`);
  console.log(`${queries.length} searches after: p50 ${ms(warm.p50)}, p99 ${ms(warm.p99)}, max ${ms(warm.max)}, mean ${ms(warm.mean)}`);
}

main();
