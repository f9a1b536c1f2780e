import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

export interface ChildRun {
  seconds: number;
  /** Peak resident set size of the process, in MiB. */
  peakMiB: number;
  /** User + system CPU seconds (GNU time only, else NaN): above `seconds` when several threads ran at once. */
  cpuSeconds: number;
}

/**
 * Runs a command to completion and measures its wall time and peak RSS: with GNU time's
 * `-v` (the kernel's ru_maxrss) when installed, else by polling the child's /proc VmHWM.
 */
export async function runMeasured(command: string, args: string[], env: Record<string, string>, scratch: string): Promise<ChildRun> {
  const useTime = existsSync(GNU_TIME);
  const report = `${scratch}.time`;
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', report, command, ...args]] : [command, args];
  const child = spawn(file, argv, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  let polledKiB = 0;
  const poll = useTime ? undefined : setInterval(() => (polledKiB = Math.max(polledKiB, vmHwmKiB(child.pid))), 20);
  const start = performance.now();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - start) / 1000;
  if (poll) clearInterval(poll);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr}`);
  const timeReport = useTime ? readFileSync(report, 'utf8') : '';
  const peakKiB = useTime ? maxRssKiB(timeReport) : polledKiB;
  rmSync(report, { force: true });
  return { seconds, peakMiB: peakKiB / 1024, cpuSeconds: useTime ? cpuSeconds(timeReport) : Number.NaN };
}

function vmHwmKiB(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function maxRssKiB(timeReport: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
  if (!match) throw new Error(`no peak memory in GNU time's report: ${timeReport}`);
  return Number(match[1]);
}

function cpuSeconds(timeReport: string): number {
  const field = (name: string) => Number(new RegExp(`${name} time \\(seconds\\): ([\\d.]+)`).exec(timeReport)?.[1] ?? Number.NaN);
  return field('User') + field('System');
}
