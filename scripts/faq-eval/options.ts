import { parseArgs } from 'node:util';

/** Command-line options of scripts/faq-eval.ts. */
export interface EvalOptions {
  kb: string;
  queries: string;
  json: boolean;
  predictions?: string;
  threshold?: number;
  margin?: number;
  sweep: boolean;
  split: 'all' | 'tune' | 'holdout';
  seed: number;
  engine: 'osschat' | 'baseline';
  maxFalseAnswerRate: number;
}

/** Printed with any option error. */
export const USAGE = `usage: npx tsx scripts/faq-eval.ts --kb FILE --queries FILE [--json] [--predictions FILE]
  [--threshold X --margin Y] [--sweep [--max-false-rate R]] [--split all|tune|holdout --seed N]
  [--engine osschat|baseline]
       npx tsx scripts/faq-eval.ts --small-kbs DIR [--part report|tune|all] [--json]`;

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`--${name} must be a number, got "${value}"`);
  return parsed;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** Parses argv; throws with a readable message on a bad or missing option. */
export function parseEvalOptions(argv: string[]): EvalOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      kb: { type: 'string' }, queries: { type: 'string' }, json: { type: 'boolean', default: false },
      predictions: { type: 'string' }, threshold: { type: 'string' }, margin: { type: 'string' },
      sweep: { type: 'boolean', default: false }, split: { type: 'string', default: 'all' },
      seed: { type: 'string', default: '20240601' }, engine: { type: 'string', default: 'osschat' },
      'max-false-rate': { type: 'string', default: '0.12' },
    },
  });
  if (values.kb === undefined || values.queries === undefined) throw new Error('--kb and --queries are required');
  return {
    kb: values.kb,
    queries: values.queries,
    json: values.json,
    predictions: values.predictions,
    threshold: numberOption(values.threshold, 'threshold'),
    margin: numberOption(values.margin, 'margin'),
    sweep: values.sweep,
    split: oneOf(values.split, ['all', 'tune', 'holdout'] as const, 'split'),
    seed: numberOption(values.seed, 'seed') ?? 0,
    engine: oneOf(values.engine, ['osschat', 'baseline'] as const, 'engine'),
    maxFalseAnswerRate: numberOption(values['max-false-rate'], 'max-false-rate') ?? 0.12,
  };
}
