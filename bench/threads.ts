import { performance } from 'node:perf_hooks';
import { Threader, type ThreadMessage } from '../src/core/threads/index.js';
import type { Benchmark, BenchReport } from './benchmark.js';
import { PHRASES } from './ingest/phrases.js';
import { pick, seededRandom } from './ingest/random.js';

const MESSAGES = Number(process.env.BENCH_THREADS_MESSAGES ?? 100_000);
const TARGET_PER_SECOND = 50_000;

/** A busy room: 300 speakers, a third of the messages addressed to a recent speaker, a message every 20 s. */
export function generatedRoom(size: number): ThreadMessage[] {
  const random = seededRandom(11);
  const names = Array.from({ length: 300 }, (_, i) => (i % 2 ? `user_${i}` : `成员${i}`));
  const messages: ThreadMessage[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < size; i++) {
    const sender = pick(random, names.slice(0, 40 + (i % 260)));
    const recent = messages.length ? messages[messages.length - 1 - Math.floor(random() * Math.min(20, messages.length))]! : undefined;
    const address = recent && random() < 0.33 ? (random() < 0.5 ? `${recent.senderName}: ` : `@${recent.senderName} `) : '';
    const text = `${address}${pick(random, PHRASES)}${random() < 0.3 ? ` ${pick(random, PHRASES)}` : ''}`;
    messages.push({ id: `m${i}`, senderId: sender, senderName: sender, text, ts: start + i * 20_000 });
  }
  return messages;
}

const percentile = (values: Float64Array, p: number) => values.sort()[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

export const threads: Benchmark = {
  name: 'threads',
  async run(): Promise<BenchReport> {
    const messages = generatedRoom(MESSAGES);
    const times = new Float64Array(messages.length);
    const threader = new Threader();
    const engineStart = performance.now();
    for (let i = 0; i < messages.length; i++) {
      const start = performance.now();
      threader.add(messages[i]!);
      times[i] = performance.now() - start;
    }
    const engineSeconds = (performance.now() - engineStart) / 1000;

    // The baseline every disentanglement paper starts from: each message answers the one before.
    const baselineStart = performance.now();
    const links: { id: string; replyTo: string | null }[] = [];
    for (let i = 0; i < messages.length; i++) links.push({ id: messages[i]!.id, replyTo: i ? messages[i - 1]!.id : null });
    const baselineSeconds = (performance.now() - baselineStart) / 1000;

    const rate = messages.length / engineSeconds;
    const baselineRate = links.length / baselineSeconds;
    return {
      setup: `${messages.length.toLocaleString('en')} messages of one generated room (300 speakers, a third addressed), placed one by one as they arrive`,
      table: [
        ['pass', 'messages/s', 'p50 ms', 'p99 ms', 'ratio to baseline'],
        ['threading engine', Math.round(rate).toLocaleString('en'), percentile(times, 50).toFixed(4), percentile(times, 99).toFixed(4), (rate / baselineRate).toFixed(3)],
        ['previous message (baseline)', Math.round(baselineRate).toLocaleString('en'), '', '', '1'],
      ],
      targets: [{ description: `engine >= ${TARGET_PER_SECOND.toLocaleString('en')} messages/s (${Math.round(rate).toLocaleString('en')})`, met: rate >= TARGET_PER_SECOND }],
    };
  },
};
