import { analytics } from './analytics.js';
import type { Benchmark } from './benchmark.js';
import { formatTable } from './format-table.js';
import { chatIssue } from './chat-issue.js';
import { faq } from './faq.js';
import { ingest } from './ingest.js';
import { threads } from './threads.js';
import { scaleOut } from './scale-out.js';
import { webhooks } from './webhooks.js';

// Informative only: a missed target is printed, not failed; only a crash exits non-zero.
const all: Benchmark[] = [ingest, chatIssue, webhooks, faq, threads, analytics, scaleOut];
const only = process.env.BENCH_ONLY;
const benchmarks = only ? all.filter((benchmark) => benchmark.name.includes(only)) : all;

async function runOne(benchmark: Benchmark): Promise<boolean> {
  console.log(`\n# ${benchmark.name}`);
  try {
    const report = await benchmark.run();
    console.log(report.setup);
    console.log(formatTable(report.table));
    for (const target of report.targets) console.log(`target: ${target.description}: ${target.met ? 'PASS' : 'MISS'}`);
    return true;
  } catch (error) {
    console.error(`${benchmark.name} crashed:`, error);
    return false;
  }
}

let crashed = false;
for (const benchmark of benchmarks) crashed = !(await runOne(benchmark)) || crashed;
process.exitCode = crashed ? 1 : 0;
