import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchReport } from './benchmark.js';

export const REPORT_PATH = fileURLToPath(new URL('./REPORT.md', import.meta.url));

/** One benchmark's outcome: its report, or why it crashed. */
export interface Ran {
  name: string;
  report?: BenchReport;
  error?: string;
  seconds: number;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdownTable(rows: readonly string[][]): string {
  const [header, ...body] = rows;
  if (!header) return '';
  return [`| ${header.map(cell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/** The machine the figures come from: they mean little without it. */
export function machine(): string[][] {
  const cpu = cpus();
  return [
    ['', ''],
    ['date', new Date().toISOString()],
    ['CPU', `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`],
    ['memory', `${gb(totalmem())} (${gb(freemem())} free at the end)`],
    ['OS', `${type()} ${release()}`],
    ['Node.js', process.version],
    ['load average (1, 5, 15 min) at the end', loadavg().map((l) => l.toFixed(2)).join(', ')],
  ];
}

function section(ran: Ran): string {
  if (!ran.report) return `## ${ran.name}\n\n**crashed** after ${ran.seconds.toFixed(0)} s: ${ran.error ?? 'unknown error'}\n`;
  const { setup, table, targets } = ran.report;
  const lines = targets.map((t) => `- ${t.met ? 'PASS' : 'MISS'}: ${t.description}`);
  return [`## ${ran.name}`, '', setup, '', markdownTable(table), '', ...(lines.length ? ['Targets:', '', ...lines] : []), '', `(${ran.seconds.toFixed(0)} s)`, ''].join('\n');
}

/** bench/REPORT.md: every benchmark's table (each figure beside its same-run baseline), targets, the machine and the date. */
export function writeReport(runs: readonly Ran[], path = REPORT_PATH): void {
  const missed = runs.flatMap((r) => r.report?.targets.filter((t) => !t.met).map((t) => `${r.name}: ${t.description}`) ?? [`${r.name}: crashed`]);
  const text = [
    '# OSSChat benchmark report',
    '',
    'Written by `npm run bench` (bench/run.ts); each benchmark measures its same-run baseline beside our figure, so ratios hold across machines better than absolute numbers.',
    '',
    markdownTable(machine()).replace(/^\|  \|  \|\n\|---\|---\|\n/, '| | |\n|---|---|\n'),
    '',
    `**${runs.length} benchmarks, ${runs.reduce((n, r) => n + (r.report?.targets.length ?? 0), 0)} targets, ${missed.length} missed or crashed.**`,
    ...missed.map((m) => `- ${m}`),
    '',
    ...runs.map(section),
  ].join('\n');
  writeFileSync(path, text + keptSection(path));
}

/** The hand-kept section at the end (figures README quotes from earlier runs) survives a new run. */
const KEPT_HEADING = '## Measurements quoted in README';

function keptSection(path: string): string {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = old.indexOf(`\n${KEPT_HEADING}`);
  return at < 0 ? '' : `\n${old.slice(at + 1)}`;
}
