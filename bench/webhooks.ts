import type { Benchmark, BenchReport } from './benchmark.js';
import { median } from './measure.js';
import { withTempDir } from './temp-dir.js';
import { signedDeliveries, type SignedDelivery } from './webhooks/deliveries.js';
import { floorVariant, measureHttp, ourVariant, probotVariant } from './webhooks/http.js';
import { bareVerifyParse, ourAcceptPath, timeLoop, type LoopVariant } from './webhooks/in-process.js';
import { CONNECTIONS, type LoadResult } from './webhooks/load.js';
import { SUBSCRIBED_ROOMS } from './webhooks/store-fixture.js';

const LOOP_DELIVERIES = positive('BENCH_WEBHOOK_DELIVERIES', 3000);
const HTTP_PLAN = { warmUpSeconds: 1, rounds: 3, roundSeconds: positive('BENCH_WEBHOOK_SECONDS', 2) };
const REPEATS = 3;
const IN_FLIGHT = 64;
const TARGET_LOOP_RATIO = 0.5;
const TARGET_HTTP_RATIO = 2;
const modes = [{ label: 'sequential', inFlight: 1 }, { label: `${IN_FLIGHT} in flight`, inFlight: IN_FLIGHT }];
const loopVariants = [bareVerifyParse, ourAcceptPath];

type Row = string[];

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${process.env[name]}`);
  return value;
}

const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en-US');

/** Webhook deliveries/s: our accept path vs the bare verify + parse in process, and our server vs a minimal Probot app over HTTP. */
export const webhooks: Benchmark = {
  name: 'webhooks',
  async run() {
    const deliveries = await signedDeliveries();
    const loop = await withTempDir((dir) => measureLoops(dir, deliveries));
    const http = await withTempDir(async (dir) => {
      const [floor, probot, ours] = await measureHttp([floorVariant, probotVariant, ourVariant], dir, deliveries, HTTP_PLAN);
      return { floor: floor!, probot: probot!, ours: ours! };
    });
    return report(deliveries, loop, http);
  },
};

/** Median seconds per mode and variant; variants interleaved per repeat so drift hits them alike. */
async function measureLoops(dir: string, deliveries: readonly SignedDelivery[]): Promise<number[][]> {
  const timeAll = async (tag: string, count: number) => {
    const times: number[][] = modes.map(() => []);
    for (const [m, mode] of modes.entries()) {
      for (const [v, variant] of loopVariants.entries()) times[m]![v] = await timeLoop(variant, `${dir}/${tag}-${m}-${v}.sqlite`, count, mode.inFlight, deliveries);
    }
    return times;
  };
  await timeAll('warm-up', Math.min(LOOP_DELIVERIES, 1000));
  const runs: number[][][] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) runs.push(await timeAll(`r${repeat}`, LOOP_DELIVERIES));
  return modes.map((_, m) => loopVariants.map((__, v) => median(runs.map((run) => run[m]![v]!))));
}

function report(deliveries: readonly SignedDelivery[], loop: number[][], http: Record<'floor' | 'probot' | 'ours', LoadResult>): BenchReport {
  const ratios = modes.map((_, m) => loop[m]![0]! / loop[m]![1]!);
  const best = ratios.indexOf(Math.max(...ratios));
  const loopRows = modes.flatMap((mode, m) => loopVariants.map((variant, v) => loopRow(variant, mode.label, loop[m]![v]!, v === 0 ? '1.00' : `${ratios[m]!.toFixed(2)}${m === best ? ' ← target' : ''}`)));
  const perSecond = (result: LoadResult) => result.ok / result.seconds;
  const httpRatio = perSecond(http.ours) / perSecond(http.probot);
  const floorRatio = perSecond(http.floor) / perSecond(http.probot);
  const sizes = deliveries.map((delivery) => delivery.bytes.length);
  return {
    setup: [
      `${deliveries.length} signed @octokit/webhooks-examples payloads (issues.opened, issue_comment.created, pull_request.opened, release.published; ${Math.min(...sizes)}–${Math.max(...sizes)} bytes) for a repo ${SUBSCRIBED_ROOMS} rooms follow, each sent under a unique delivery id.`,
      `In process: ${LOOP_DELIVERIES} deliveries per run, fresh SQLite file per run, median of ${REPEATS} after a warm-up. Over HTTP: each server in its own child process on 127.0.0.1, loaded one at a time by autocannon (${CONNECTIONS} keep-alive connections): ${HTTP_PLAN.warmUpSeconds} s warm-up, then ${HTTP_PLAN.rounds} interleaved rounds of ${HTTP_PLAN.roundSeconds} s, summed; every answer checked 2xx; p50 = median round, p99 = worst round.`,
    ].join('\n'),
    table: [
      ['comparison', 'variant', 'mode', 'deliveries', 'seconds', 'deliveries/s', 'p50 / p99 ms', 'ratio'],
      ...loopRows,
      httpRow(floorVariant.name, http.floor, floorRatio.toFixed(2)),
      httpRow(probotVariant.name, http.probot, '1.00'),
      httpRow(ourVariant.name, http.ours, httpRatio.toFixed(2)),
    ],
    targets: [
      { description: `in process: ours / bare >= ${TARGET_LOOP_RATIO} (${modes[best]!.label}, the better mode: ${ratios[best]!.toFixed(2)})`, met: ratios[best]! >= TARGET_LOOP_RATIO },
      { description: `over HTTP: ours >= ${TARGET_HTTP_RATIO}x Probot's rate (measured ${httpRatio.toFixed(2)}x; the verify + parse floor is ${floorRatio.toFixed(2)}x)`, met: httpRatio >= TARGET_HTTP_RATIO },
    ],
  };
}

function loopRow(variant: LoopVariant, mode: string, seconds: number, ratio: string): Row {
  return ['in process', variant.name, mode, LOOP_DELIVERIES.toLocaleString('en-US'), seconds.toFixed(3), rate(LOOP_DELIVERIES, seconds), '-', ratio];
}

function httpRow(name: string, result: LoadResult, ratio: string): Row {
  return ['HTTP', name, `${CONNECTIONS} connections`, result.ok.toLocaleString('en-US'), result.seconds.toFixed(2), rate(result.ok, result.seconds), `${result.p50} / ${result.p99}`, ratio];
}
