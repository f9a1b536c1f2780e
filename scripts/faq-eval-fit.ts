import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createFaqIndex } from '../src/core/faq/index.js';
import { PAIR_FEATURES } from '../src/core/faq/pair-features.js';
import { readQueries } from '../src/core/faq/read-queries.js';
import { RERANK_DEPTH } from '../src/core/faq/rerank.js';
import type { FaqLogistic, FaqRerankModel } from '../src/core/faq/types.js';
import { createJiebaSegmenter } from '../src/search/jieba-segmenter.js';
import { fitRerank, type TrainingRow } from './faq-eval/fit-rerank.js';
import { readKb } from './faq-eval/read-kb.js';
import { splitHalves } from './faq-eval/split.js';

const USAGE = 'usage: npx tsx scripts/faq-eval-fit.ts --kb FILE --queries FILE [--seed N] [--l2 X] [--dump FILE] [--write]';
const MODEL_FILE = new URL('../src/core/faq/rerank-model.ts', import.meta.url);

/** The reranker's input for the engine's best candidates of every tuning query. */
function collectRows(kbFile: string, queriesFile: string, seed: number): TrainingRow[] {
  const index = createFaqIndex({ segmenter: createJiebaSegmenter(), reranker: null });
  for (const entry of readKb(readFileSync(kbFile, 'utf8')).entries) index.add(entry);
  const { tune } = splitHalves(readQueries(readFileSync(queriesFile, 'utf8')).queries, seed);
  return tune.flatMap(({ text, expected }, query) =>
    index.explain(text, RERANK_DEPTH).map((hit) => ({ query, answerable: expected !== null, expected: hit.id === expected, blend: hit.blend, features: hit.features })),
  );
}

function logisticSource(name: string, model: FaqLogistic, names: readonly string[]): string {
  const round = (value: number): number => Number(value.toPrecision(6));
  const lines = model.weights.map((weight, i) => `      ${round(weight)}, // ${names[i]}`);
  return `  ${name}: {\n    bias: ${round(model.bias)},\n    weights: [\n${lines.join('\n')}\n    ],\n  },`;
}

function modelSource(model: FaqRerankModel, seed: number, l2: number): string {
  return `import { PAIR_FEATURES } from './pair-features.js';
import type { FaqRerankModel } from './types.js';

/**
 * Written by scripts/faq-eval-fit.ts (logistic regressions, L2 ${l2} on standardised features)
 * from the tuning half of lcqmc-dev (seed ${seed}): the engine's best ${RERANK_DEPTH} candidates of each
 * query, labelled by whether each is the expected entry. Only general features; no corpus text.
 */
export const DEFAULT_RERANK_MODEL: FaqRerankModel = {
  features: PAIR_FEATURES,
${logisticSource('ranker', model.ranker, PAIR_FEATURES)}
${logisticSource('decider', model.decider, [...PAIR_FEATURES, 'ranker'])}
};
`;
}

function main(): void {
  const { values } = parseArgs({
    options: { kb: { type: 'string' }, queries: { type: 'string' }, seed: { type: 'string', default: '20240601' }, l2: { type: 'string', default: '1' }, dump: { type: 'string' }, write: { type: 'boolean', default: false } },
  });
  if (values.kb === undefined || values.queries === undefined) throw new Error(USAGE);
  const [seed, l2] = [Number(values.seed), Number(values.l2)];
  const rows = collectRows(values.kb, values.queries, seed);
  if (values.dump !== undefined) writeFileSync(values.dump, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  const model = fitRerank(rows, PAIR_FEATURES, l2);
  console.log(`${rows.length} candidates of ${new Set(rows.map((row) => row.query)).size} tuning queries`);
  console.log(modelSource(model, seed, l2));
  if (values.write) writeFileSync(MODEL_FILE, modelSource(model, seed, l2));
}

try {
  main();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exitCode = 1;
}
