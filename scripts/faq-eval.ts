import { writeFileSync } from 'node:fs';
import { decide } from '../src/core/faq/index.js';
import { formatMetrics, formatSweep } from './faq-eval/format.js';
import { parseEvalOptions, USAGE, type EvalOptions } from './faq-eval/options.js';
import { runEval, type EvalRun } from './faq-eval/run-eval.js';
import { smallKbsMain } from './faq-eval/small-report.js';

function writePredictions(file: string, run: EvalRun): void {
  const lines = run.searched.map(({ text, candidates }) => {
    const chosen = decide(candidates, run.settings);
    return JSON.stringify({ text, match: chosen?.id ?? null, score: candidates[0]?.score ?? 0 });
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function printText(options: EvalOptions, run: EvalRun): void {
  const { threshold, margin } = run.settings;
  console.log(`${options.engine} engine, ${run.entries} entries, queries: ${options.split}, threshold ${threshold}, margin ${margin}`);
  console.log(formatMetrics(run.metrics, run.latency));
  const without = run.conflicts.metricsWithout;
  console.log(`\n${run.conflicts.count} queries are a KB question of another entry (or of one, labelled silent);`);
  console.log(`without them: decision ${without.decisionAccuracy.toFixed(3)}, precision ${without.precision.toFixed(3)}, false answers ${without.falseAnswerRate.toFixed(3)}`);
  const skipped = run.skipped.kb.length + run.skipped.queries.length;
  if (skipped > 0) console.log(`skipped: ${run.skipped.kb.length} KB rows, ${run.skipped.queries.length} query lines`);
  if (run.sweep !== undefined) console.log(`\n${formatSweep(run.sweep)}`);
  if (run.chosen !== undefined) {
    console.log(`\nchosen (false answers <= ${options.maxFalseAnswerRate}, fewest within one standard error of the best accuracy): threshold ${run.chosen.threshold}, margin ${run.chosen.margin}`);
  }
}

function main(options: EvalOptions): void {
  const run = runEval(options);
  if (options.predictions !== undefined) writePredictions(options.predictions, run);
  if (!options.json) return printText(options, run);
  const { searched, ...report } = run;
  console.log(JSON.stringify({ engine: options.engine, split: options.split, seed: options.seed, queries: searched.length, ...report }, null, 2));
}

try {
  const argv = process.argv.slice(2);
  // Small community-sized KBs (faq-small-dev): each set is run on its own KB, so it has its own mode.
  if (argv.includes('--small-kbs')) smallKbsMain(argv);
  else main(parseEvalOptions(argv));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exitCode = 1;
}
