import { readFileSync, writeFileSync } from 'node:fs';
import { decide, evaluateSearched, latencySummary, searchAll } from '../core/faq/index.js';
import { kbFormatOf, parseKb } from '../core/faq/parse-kb.js';
import { readQueries } from '../core/faq/read-queries.js';
import { createFaqIndex, DEFAULT_SYNONYMS } from '../core/faq/index.js';
import { createJiebaSegmenter } from '../search/jieba-segmenter.js';
import { configOrExit } from './shared.js';

export interface FaqEvalOptions {
  kb: string;
  queries: string;
  json?: boolean;
  predictions?: string;
  config?: string;
}

const pct = (value: number) => (Number.isNaN(value) ? 'n/a' : value.toFixed(3));

/** Measures the configured matcher and thresholds on a knowledge base and labelled queries. */
export async function faqEvalCommand(options: FaqEvalOptions): Promise<void> {
  const config = configOrExit(options.config);
  const kb = parseKb(readFileSync(options.kb, 'utf8'), kbFormatOf(options.kb) ?? 'csv');
  const read = readQueries(readFileSync(options.queries, 'utf8'));
  const index = createFaqIndex({ segmenter: createJiebaSegmenter(config.faq.words), synonyms: [...DEFAULT_SYNONYMS, ...config.faq.synonyms] });
  for (const entry of kb.entries) index.add(entry);
  const searched = searchAll(index, read.queries);
  const settings = { threshold: config.faq.threshold, margin: config.faq.margin };
  const metrics = evaluateSearched(searched, settings);
  const latency = latencySummary(searched.map((item) => item.ms));
  if (options.predictions) {
    const lines = searched.map(({ text, candidates }) => JSON.stringify({ text, match: decide(candidates, settings)?.id ?? null, score: candidates[0]?.score ?? 0 }));
    writeFileSync(options.predictions, `${lines.join('\n')}\n`);
  }
  for (const error of kb.errors) process.stderr.write(`${options.kb}:${error.line}: ${error.message}\n`);
  for (const skip of read.skipped) process.stderr.write(`${options.queries}:${skip.line}: ${skip.reason}\n`);
  if (options.json) return void process.stdout.write(`${JSON.stringify({ entries: index.size, settings, metrics, latencyMs: latency })}\n`);
  process.stdout.write(
    [
      `${index.size} entries, ${metrics.queries} queries (${metrics.answerable} answerable); threshold ${settings.threshold}, margin ${settings.margin}`,
      `decision accuracy      ${pct(metrics.decisionAccuracy)}`,
      `top-1 (answerable)     ${pct(metrics.top1Accuracy)}`,
      `precision              ${pct(metrics.precision)}`,
      `recall                 ${pct(metrics.recall)}`,
      `false answers (unans.) ${pct(metrics.falseAnswerRate)}`,
      `latency p50 / p99      ${latency.p50.toFixed(2)} / ${latency.p99.toFixed(2)} ms`,
      '',
    ].join('\n'),
  );
}
