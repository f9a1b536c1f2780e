import { readFileSync } from 'node:fs';
import {
  chooseSettings, evaluateSearched, latencySummary, searchAll, sweepSettings,
  type FaqEvalMetrics, type FaqSettings, type FaqSweepRow, type FaqTimedSearch,
} from '../../src/core/faq/index.js';
import { ENGINES } from './engines.js';
import { labelConflicts } from './label-conflicts.js';
import type { EvalOptions } from './options.js';
import { readKb } from './read-kb.js';
import { readQueries } from '../../src/core/faq/read-queries.js';
import { splitHalves } from './split.js';

const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const MARGINS = [0, 0.02, 0.05, 0.1];

/** Everything one evaluation run produced. */
export interface EvalRun {
  entries: number;
  settings: FaqSettings;
  searched: FaqTimedSearch[];
  metrics: FaqEvalMetrics;
  latency: ReturnType<typeof latencySummary>;
  /** Metrics without the queries whose label contradicts an identical KB question. */
  conflicts: { count: number; metricsWithout: FaqEvalMetrics };
  skipped: { kb: { line: number; reason: string }[]; queries: { line: number; reason: string }[] };
  sweep?: FaqSweepRow[];
  chosen?: FaqSweepRow;
}

/** Reads the files, indexes the KB, searches the selected queries and scores the decisions. */
export function runEval(options: EvalOptions): EvalRun {
  const engine = ENGINES[options.engine];
  const kb = readKb(readFileSync(options.kb, 'utf8'));
  const read = readQueries(readFileSync(options.queries, 'utf8'));
  const queries = options.split === 'all' ? read.queries : splitHalves(read.queries, options.seed)[options.split];
  const index = engine.create();
  for (const entry of kb.entries) index.add(entry);
  const searched = searchAll(index, queries);
  const settings = { threshold: options.threshold ?? engine.settings.threshold, margin: options.margin ?? engine.settings.margin };
  const conflicting = labelConflicts(kb.entries, queries);
  const clean = searched.filter((_, i) => !conflicting.has(queries[i] as (typeof queries)[number]));
  const sweep = options.sweep ? sweepSettings(searched, THRESHOLDS, MARGINS) : undefined;
  return {
    entries: index.size,
    settings,
    searched,
    metrics: evaluateSearched(searched, settings),
    latency: latencySummary(searched.map((item) => item.ms)),
    conflicts: { count: conflicting.size, metricsWithout: evaluateSearched(clean, settings) },
    skipped: { kb: kb.skipped, queries: read.skipped },
    ...(sweep && { sweep, chosen: chooseSettings(sweep, { maxFalseAnswerRate: options.maxFalseAnswerRate }) }),
  };
}
