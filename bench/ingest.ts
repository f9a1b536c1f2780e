import type { Benchmark, BenchReport } from './benchmark.js';
import { baseline } from './ingest/baseline.js';
import { botHandle } from './ingest/bot-variant.js';
import { chatEvents, type EventSet } from './ingest/events.js';
import { stdio } from './ingest/stdio-variant.js';
import type { Variant } from './ingest/variant.js';
import { verifyStored } from './ingest/verify.js';
import { median } from './measure.js';
import { withTempDir } from './temp-dir.js';

const REPEATS = 3;
const WARM_UP_MESSAGES = 10_000;
const TARGET_RATIO = 0.5;
const TARGET_RATE = 20_000;
const variants: Variant[] = [baseline, botHandle, stdio];

/** Messages per second through the real ingest path vs raw better-sqlite3, each on a fresh SQLite file. */
export const ingest: Benchmark = {
  name: 'ingest',
  async run() {
    const count = messageCount(process.env.BENCH_MESSAGES);
    const set = chatEvents(count);
    await withTempDir((dir) => runAll(chatEvents(Math.min(count, WARM_UP_MESSAGES), 20, 500, 7), dir));
    const times = await withTempDir(async (dir) => {
      const runs: number[][] = [];
      for (let repeat = 0; repeat < REPEATS; repeat++) runs.push(await runAll(set, dir, `r${repeat}`));
      return variants.map((_, index) => median(runs.map((run) => run[index]!)));
    });
    return report(set, times);
  },
};

function messageCount(value: string | undefined): number {
  const count = Number(value ?? 100_000);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`BENCH_MESSAGES must be a positive integer, got ${value}`);
  return count;
}

/** One run of every variant, interleaved so drift in the machine's speed hits them alike. */
async function runAll(set: EventSet, dir: string, tag = 'warm-up'): Promise<number[]> {
  const times: number[] = [];
  for (const [index, variant] of variants.entries()) {
    const path = `${dir}/${tag}-${index}.sqlite`;
    times.push(await variant.run(set, path));
    verifyStored(path, set);
  }
  return times;
}

function report(set: EventSet, times: number[]): BenchReport {
  const count = set.events.length;
  const rate = (index: number) => count / times[index]!;
  const ratio = (index: number) => rate(index) / rate(variants.indexOf(baseline));
  const rows = variants.map((variant, index) => [
    variant.name, count.toLocaleString('en-US'), times[index]!.toFixed(3),
    Math.round(rate(index)).toLocaleString('en-US'), ratio(index).toFixed(2),
  ]);
  const botIndex = variants.indexOf(botHandle);
  const met = ratio(botIndex) >= TARGET_RATIO && rate(botIndex) >= TARGET_RATE;
  return {
    setup: `${count.toLocaleString('en-US')} messages in ${set.rooms} rooms from ${set.members} members, fresh SQLite file per run; median of ${REPEATS} runs after a warm-up`,
    table: [['variant', 'messages', 'seconds', 'messages/s', 'ratio'], ...rows],
    targets: [{ description: `ratio >= ${TARGET_RATIO} and >= ${TARGET_RATE.toLocaleString('en-US')} msg/s (${botHandle.name})`, met }],
  };
}
