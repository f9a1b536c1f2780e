import { readFileSync, writeFileSync } from 'node:fs';
import { chooseSettings, decide, evaluateSearched, latencySummary, searchAll, sweepSettings } from '../src/core/faq/index.js';
import type { FaqTimedSearch } from '../src/core/faq/index.js';
import { ENGINES } from './faq-eval/engines.js';
import { formatMetrics, formatSweep } from './faq-eval/format.js';
import { parseEvalOptions, USAGE, type EvalOptions } from './faq-eval/options.js';
import { readKb } from './faq-eval/read-kb.js';
import { readQueries, type EvalQuery } from './faq-eval/read-queries.js';
import { splitHalves } from './faq-eval/split.js';

const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const MARGINS = [0, 0.02, 0.05, 0.1, 0.15];

function selectQueries(queries: EvalQuery[], options: EvalOptions): EvalQuery[] {
  return options.split === 'all' ? queries : splitHalves(queries, options.seed)[options.split];
}

function writePredictions(file: string, searched: readonly FaqTimedSearch[], settings: { threshold: number; margin: number }): void {
  const lines = searched.map(({ text, candidates }) => {
    const chosen = decide(candidates, settings);
    return JSON.stringify({ text, match: chosen?.id ?? null, score: candidates[0]?.score ?? 0 });
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function main(options: EvalOptions): void {
  const engine = ENGINES[options.engine];
  const kb = readKb(readFileSync(options.kb, 'utf8'));
  const read = readQueries(readFileSync(options.queries, 'utf8'));
  const index = engine.create();
  for (const entry of kb.entries) index.add(entry);
  const searched = searchAll(index, selectQueries(read.queries, options));
  const settings = { threshold: options.threshold ?? engine.settings.threshold, margin: options.margin ?? engine.settings.margin };
  const metrics = evaluateSearched(searched, settings);
  const latency = latencySummary(searched.map((item) => item.ms));
  const skipped = { kb: kb.skipped, queries: read.skipped };
  const sweep = options.sweep ? sweepSettings(searched, THRESHOLDS, MARGINS) : undefined;
  const chosen = sweep && chooseSettings(sweep, options.maxFalseAnswerRate);
  if (options.predictions !== undefined) writePredictions(options.predictions, searched, settings);
  if (options.json) {
    console.log(JSON.stringify({ engine: options.engine, split: options.split, seed: options.seed, entries: index.size, settings, metrics, latency, skipped, sweep, chosen }, null, 2));
    return;
  }
  console.log(`${options.engine} engine, ${index.size} entries, split ${options.split}, threshold ${settings.threshold}, margin ${settings.margin}`);
  console.log(formatMetrics(metrics, latency));
  if (skipped.kb.length + skipped.queries.length > 0) console.log(`skipped: ${skipped.kb.length} KB rows, ${skipped.queries.length} query lines`);
  if (sweep !== undefined) console.log(`\n${formatSweep(sweep)}`);
  if (chosen) console.log(`\nmost accurate with false answers <= ${options.maxFalseAnswerRate}: threshold ${chosen.threshold}, margin ${chosen.margin}`);
}

try {
  main(parseEvalOptions(process.argv.slice(2)));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exitCode = 1;
}
