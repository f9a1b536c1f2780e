import { analytics } from './analytics.js';
import { archive } from './archive.js';
import type { Benchmark } from './benchmark.js';
import { formatTable } from './format-table.js';
import { type Ran, writeReport } from './report.js';
import { chatIssue } from './chat-issue.js';
import { faq } from './faq.js';
import { ingest } from './ingest.js';
import { threads } from './threads.js';
import { scaleOut } from './scale-out.js';
import { soak } from './soak.js';
import { webhooks } from './webhooks.js';

// Informative only: a missed target is printed, not failed; only a crash exits non-zero.
const all: Benchmark[] = [ingest, chatIssue, webhooks, faq, threads, analytics, scaleOut, soak, archive];
const only = process.env.BENCH_ONLY;
const benchmarks = only ? all.filter((benchmark) => benchmark.name.includes(only)) : all;

const ran: Ran[] = [];

async function runOne(benchmark: Benchmark): Promise<boolean> {
  console.log(`\n# ${benchmark.name}`);
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  try {
    const report = await benchmark.run();
    ran.push({ name: benchmark.name, report, seconds: seconds() });
    console.log(report.setup);
    console.log(formatTable(report.table));
    for (const target of report.targets) console.log(`target: ${target.description}: ${target.met ? 'PASS' : 'MISS'}`);
    return true;
  } catch (error) {
    console.error(`${benchmark.name} crashed:`, error);
    ran.push({ name: benchmark.name, error: String(error instanceof Error ? error.message : error), seconds: seconds() });
    return false;
  }
}

let crashed = false;
for (const benchmark of benchmarks) crashed = !(await runOne(benchmark)) || crashed;
// A partial run (BENCH_ONLY) does not replace the full report.
if (!only) writeReport(ran);
process.exitCode = crashed ? 1 : 0;
