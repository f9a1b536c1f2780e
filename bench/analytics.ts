import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchReport } from './benchmark.js';
import { writeTelegramExport } from './analytics/generate-export.js';
import { runMeasured, type ChildRun } from './analytics/measure-child.js';
import { withTempDir } from './temp-dir.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OSSCHAT = join(ROOT, 'bin/osschat.js');
const CHAT_ANALYTICS = join(ROOT, 'node_modules/chat-analytics/dist/lib/CLI.js');
const TARGET_SPEEDUP = 3;

/** `osschat import` + `osschat analyze --html` against chat-analytics' CLI on the same generated Telegram export. */
export const analytics: Benchmark = {
  name: 'analytics',
  async run() {
    const count = messageCount(process.env.BENCH_ANALYTICS_MESSAGES);
    // The CLI runs compiled JavaScript when dist/ exists, as an installed osschat does: build it from this checkout.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    return withTempDir(async (dir) => {
      const input = join(dir, 'result.json');
      await writeTelegramExport(input, { messages: count });
      const env = { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_URL: join(dir, 'osschat.db'), OSSCHAT_CONFIG: '', LOG_LEVEL: 'warn' };
      const node = process.execPath;
      const imported = await runMeasured(node, [OSSCHAT, 'import', input], env, join(dir, 'import'));
      const analyzed = await runMeasured(node, [OSSCHAT, 'analyze', '--html', join(dir, 'osschat.html')], env, join(dir, 'analyze'));
      const baseline = await runMeasured(node, [CHAT_ANALYTICS, '-p', 'telegram', '-i', input, '-o', join(dir, 'chat-analytics.html')], env, join(dir, 'baseline'));
      return report(count, imported, analyzed, baseline);
    });
  },
};

function messageCount(value: string | undefined): number {
  const count = Number(value ?? 1_000_000);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`BENCH_ANALYTICS_MESSAGES must be a positive integer, got ${value}`);
  return count;
}

function report(count: number, imported: ChildRun, analyzed: ChildRun, baseline: ChildRun): BenchReport {
  const ours = { seconds: imported.seconds + analyzed.seconds, peakMiB: Math.max(imported.peakMiB, analyzed.peakMiB), cpuSeconds: imported.cpuSeconds + analyzed.cpuSeconds };
  const speedup = baseline.seconds / ours.seconds;
  const row = (name: string, run: ChildRun, ratio: string) => [name, run.seconds.toFixed(1), run.cpuSeconds.toFixed(1), run.peakMiB.toFixed(0), ratio];
  return {
    setup: `one generated Telegram Desktop result.json of ${count.toLocaleString('en-US')} messages; each step a child process (wall time, user+system CPU, peak RSS), fresh SQLite file; osschat import reads and threads in a worker thread`,
    table: [
      ['variant', 'seconds', 'CPU s', 'peak RSS MiB', 'speed-up'],
      row('osschat import', imported, ''),
      row('osschat analyze --html', analyzed, ''),
      row('osschat import + analyze', ours, speedup.toFixed(2)),
      row('chat-analytics (baseline)', baseline, '1.00'),
    ],
    targets: [
      { description: `import + analyze >= ${TARGET_SPEEDUP}x faster than chat-analytics`, met: speedup >= TARGET_SPEEDUP },
      { description: 'peak memory below chat-analytics', met: ours.peakMiB < baseline.peakMiB },
    ],
  };
}
