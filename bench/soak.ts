import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Benchmark, BenchReport } from './benchmark.js';
import { withTempDir } from './temp-dir.js';
import type { ChildMessage } from './webhooks/bench-server.js';
import { deliveryIds, signedDeliveries } from './webhooks/deliveries.js';
import { load } from './webhooks/load.js';
import { subscribedStore } from './webhooks/store-fixture.js';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 120);
const SEGMENTS = 6;
/** RSS is sampled this often within a segment; a segment's figure is the median of its samples (one instant is noisy). */
const SAMPLE_MS = 250;
const SERVER = fileURLToPath(new URL('./webhooks/server-child.ts', import.meta.url));
// The bin runs dist/ when built, else the sources through tsx, in its own process either way (whose memory we sample).
const BIN = fileURLToPath(new URL('../bin/osschat.js', import.meta.url));
/**
 * Memory "levels off" when the least-squares slope of RSS over the second half of the segments stays
 * under this (MB per minute). A ratio of the last segments to the middle ones passed a bot that grew
 * in every segment (314 → 442 MB, 14.8 % against 15 %).
 */
const MAX_MB_PER_MINUTE = 20;

interface Segment {
  count: number;
  seconds: number;
  p99?: number;
  rssMb: number;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Samples the process's RSS until stopped; `stop` gives the median in MB. */
function sampleRss(pid: number): { stop(): number } {
  const samples = [rssMb(pid)];
  const timer = setInterval(() => samples.push(rssMb(pid)), SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      samples.push(rssMb(pid));
      return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
    },
  };
}

/** Sustained load for a few minutes: webhook deliveries/s with p99, chat messages/s through stdio, and whether memory levels off. */
export const soak: Benchmark = {
  name: 'soak',
  async run() {
    const segmentSeconds = Math.max(2, Math.round(SECONDS / 2 / SEGMENTS));
    const webhooks = await withTempDir((dir) => soakWebhooks(`${dir}/soak.sqlite`, segmentSeconds));
    const chat = await withTempDir((dir) => soakChat(dir, segmentSeconds));
    return report(webhooks, chat, segmentSeconds);
  },
};

async function soakWebhooks(path: string, seconds: number): Promise<Segment[]> {
  await (await subscribedStore(path)).close();
  const deliveries = await signedDeliveries();
  const child = fork(SERVER, ['ours', path], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    const url = await new Promise<string>((resolve) => child.once('message', (m: ChildMessage) => 'ready' in m && resolve(m.ready)));
    const nextId = deliveryIds('soak');
    const segments: Segment[] = [];
    for (let i = 0; i < SEGMENTS; i++) {
      const rss = sampleRss(child.pid!);
      const result = await load(url, deliveries, nextId, seconds, 202);
      segments.push({ count: result.ok, seconds: result.seconds, p99: result.p99, rssMb: rss.stop() });
    }
    return segments;
  } finally {
    child.kill();
  }
}

/** Writes chat lines as fast as the bot reads them (stdin backpressure), sampling its memory each segment. */
async function soakChat(dir: string, seconds: number): Promise<Segment[]> {
  const db = `${dir}/chat.db`;
  const bot = spawn(process.execPath, [BIN, 'start', '--chat', 'stdio'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', OSSCHAT_CONFIG: '', PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: db },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => bot.on('close', resolve));
  await listening(bot);
  const segments: Segment[] = [];
  let written = 0;
  for (let i = 0; i < SEGMENTS; i++) {
    const [start, rss] = [Date.now(), sampleRss(bot.pid!)];
    let count = 0;
    while (Date.now() - start < seconds * 1000) {
      for (let k = 0; k < 200; k++, count++) writeLine(bot, written + count);
      if (bot.stdin!.writableNeedDrain) await new Promise((resolve) => bot.stdin!.once('drain', resolve));
    }
    written += count;
    segments.push({ count, seconds: (Date.now() - start) / 1000, rssMb: rss.stop() });
  }
  bot.stdin!.end();
  await exited;
  const stored = new Database(db, { readonly: true }).prepare('select count(*) as n from messages').get() as { n: number };
  if (stored.n !== written) throw new Error(`soak chat: wrote ${written} messages, the log holds ${stored.n}`);
  return segments;
}

/** Resolves once the bot logs its web address: it is up and reading. */
function listening(bot: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    bot.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      if (seen.length < 100_000) seen += chunk;
      if (/"url":"http/.test(seen)) resolve();
    });
    bot.once('close', () => reject(new Error(`soak: the bot exited before listening: ${seen.slice(-1000)}`)));
  });
}

function writeLine(bot: ChildProcess, n: number): void {
  const room = `soak-${n % 20}`;
  const line = { type: 'message', id: `s${n}`, room: { id: room, topic: room }, from: { id: `u${n % 97}`, name: `成员${n % 97}` }, text: `第 ${n} 条：升级以后启动失败了，有人遇到过吗？`, ts: new Date(1_795_000_000_000 + n * 1000).toISOString() };
  bot.stdin!.write(`${JSON.stringify(line)}\n`);
}

/** Least-squares slope of RSS against time (MB per minute) over the second half of the segments. */
function levelsOff(segments: Segment[]): { ok: boolean; words: string } {
  const ends = segments.map((_, i) => segments.slice(0, i + 1).reduce((sum, s) => sum + s.seconds, 0) / 60);
  const points = segments.map((s, i) => ({ x: ends[i]!, y: s.rssMb })).slice(Math.floor(segments.length / 2));
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const [mx, my] = [mean(points.map((p) => p.x)), mean(points.map((p) => p.y))];
  const slope = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0) / points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  const [first, last] = [segments[0]!.rssMb, segments.at(-1)!.rssMb];
  return { ok: slope <= MAX_MB_PER_MINUTE, words: `${slope >= 0 ? '+' : ''}${slope.toFixed(1)} MB/min over the second half (${first.toFixed(0)} → ${last.toFixed(0)} MB over the run)` };
}

function report(webhooks: Segment[], chat: Segment[], seconds: number): BenchReport {
  const rate = (s: Segment) => Math.round(s.count / s.seconds).toLocaleString('en-US');
  const table = [['segment', 'webhook deliveries/s', 'webhook p99 (ms)', 'server RSS (MB)', 'chat messages/s (stdio)', 'bot RSS (MB)']];
  for (let i = 0; i < SEGMENTS; i++) {
    const [w, c] = [webhooks[i]!, chat[i]!];
    table.push([`${i + 1} (${seconds} s)`, rate(w), String(w.p99), w.rssMb.toFixed(0), rate(c), c.rssMb.toFixed(0)]);
  }
  const [w, c] = [levelsOff(webhooks), levelsOff(chat)];
  return {
    setup: `soak: ${SEGMENTS} × ${seconds} s of signed deliveries (autocannon, 10 connections, server in its own process, SQLite) then ${SEGMENTS} × ${seconds} s of chat lines into \`osschat start --chat stdio\` as fast as it reads them; RSS: the median of samples every ${SAMPLE_MS} ms in each segment (BENCH_SOAK_SECONDS=${SECONDS}). Memory: webhooks ${w.words}, chat ${c.words}.`,
    table,
    targets: [
      { description: `webhook server memory levels off (RSS grows at most ${MAX_MB_PER_MINUTE} MB/min over the second half, least squares): ${w.words}`, met: w.ok },
      { description: `bot memory under chat load levels off: ${c.words}`, met: c.ok },
    ],
  };
}
