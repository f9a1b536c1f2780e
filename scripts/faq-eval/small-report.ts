import { parseArgs } from 'node:util';
import type { FaqSettings } from '../../src/core/faq/index.js';
import { ENGINES } from './engines.js';
import { poolByFamily, searchSet, type PooledRow, type SmallKbIndex } from './small-kbs.js';
import { smallSetNames, type SmallSetPart } from './small-sets.js';
import { createTfidfBaseline } from './tfidf-baseline.js';

/** The thresholds SOURCE.md quotes for its baseline (one for all KBs; chosen by the data's authors on all 12 sets). */
export const BASELINE_THRESHOLDS = [0.64, 0.26] as const;

/** SOURCE.md's target on unseen sets: recall ≥ 0.60 with precision ≥ 0.85 and false answers ≤ 0.10. */
export const TARGET = { recall: 0.6, precision: 0.85, falseAnswerRate: 0.1 } as const;

/** One engine under one decision setting, pooled over all sets and per corpus. */
export interface SmallKbResult {
  engine: string;
  settings: FaqSettings;
  rows: PooledRow[];
  meetsTarget: boolean;
}

interface Contender {
  engine: string;
  create: () => SmallKbIndex;
  settings: readonly FaqSettings[];
}

const CONTENDERS: readonly Contender[] = [
  { engine: 'osschat (defaults)', create: ENGINES.osschat.create, settings: [ENGINES.osschat.settings] },
  { engine: 'baseline char TF-IDF', create: createTfidfBaseline, settings: BASELINE_THRESHOLDS.map((threshold) => ({ threshold, margin: 0 })) },
];

function meetsTarget({ metrics: m }: PooledRow): boolean {
  return m.recall >= TARGET.recall && m.precision >= TARGET.precision && m.falseAnswerRate <= TARGET.falseAnswerRate;
}

/** Runs every engine on each set of `part` with that set's own KB and pools the decisions. */
export function evaluateSmallKbs(dir: string, part: SmallSetPart): SmallKbResult[] {
  const names = smallSetNames(part);
  return CONTENDERS.flatMap(({ engine, create, settings }) => {
    const sets = names.map((name) => searchSet(dir, name, create));
    return settings.map((setting) => {
      const rows = poolByFamily(sets, setting);
      return { engine, settings: setting, rows, meetsTarget: meetsTarget(rows[0] as PooledRow) };
    });
  });
}

const f3 = (value: number): string => (Number.isNaN(value) ? '  n/a' : value.toFixed(3));

/** The results as one table, a line per engine, setting and group of sets. */
export function formatSmallKbs(part: SmallSetPart, results: readonly SmallKbResult[]): string {
  const head = `faq-small-dev, ${part} part (${smallSetNames(part).join(' ')}), every set on its own KB, queries pooled`;
  const columns = 'engine                 threshold  sets    queries  recall  precision  false-ans  decision';
  const lines = results.flatMap(({ engine, settings, rows }) =>
    rows.map(({ group, metrics: m }) =>
      [engine.padEnd(22), settings.threshold.toFixed(2).padStart(9), ` ${group.padEnd(6)}`, String(m.queries).padStart(8),
        f3(m.recall).padStart(7), f3(m.precision).padStart(10), f3(m.falseAnswerRate).padStart(10), f3(m.decisionAccuracy).padStart(9)].join(' '),
    ),
  );
  const target = `target (SOURCE.md): recall >= ${TARGET.recall}, precision >= ${TARGET.precision}, false answers <= ${TARGET.falseAnswerRate}; met by: ${
    results.filter((r) => r.meetsTarget).map((r) => `${r.engine} @${r.settings.threshold}`).join(', ') || 'none'}`;
  return [head, columns, ...lines, target].join('\n');
}

/** `--small-kbs DIR [--part report|tune|all] [--json]`: prints the pooled figures. */
export function smallKbsMain(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { 'small-kbs': { type: 'string' }, part: { type: 'string', default: 'report' }, json: { type: 'boolean', default: false } } });
  const part = values.part;
  if (part !== 'report' && part !== 'tune' && part !== 'all') throw new Error(`--part must be one of report, tune, all (got "${part}")`);
  const results = evaluateSmallKbs(values['small-kbs'] as string, part);
  console.log(values.json ? JSON.stringify({ part, sets: smallSetNames(part), results }, null, 2) : formatSmallKbs(part, results));
}
