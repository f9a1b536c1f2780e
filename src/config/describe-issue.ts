import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { redactSecrets } from '../logging/redact.js';
import type { EnvName } from './env.js';
import { configJsonSchema, keysAt } from './json-schema.js';

type Issue = z.core.$ZodIssue;

/** Turns a zod issue into a ConfigError naming the key, the expectation, and the fix. */
export function describeIssue(issue: Issue, input: unknown, sources: Map<string, EnvName>, file?: string): ConfigError {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(configJsonSchema(), issue.path);
    const key = issue.keys[0]!;
    const guess = closest(key, known);
    const where = path ? `${path}.${key}` : key;
    const hint = guess ? `did you mean "${guess}"? ` : '';
    return new ConfigError(where, `unknown key`, `${hint}remove or rename it${inFile(file)}; known keys here: ${known.join(', ')}`);
  }
  const envName = sources.get(issue.path.join('.'));
  const received = valueAt(input, issue.path);
  // A wrong DATABASE_URL may carry a password: the echo of the value never does.
  const got = received === undefined ? '' : ` (got ${redactSecrets(JSON.stringify(received))})`;
  const problem = issue.message.replace(/^Invalid (input|option): /, '') + got;
  const fix = envName
    ? `fix the ${envName} environment variable`
    : `set it in the config file${inFile(file)}${envHint(issue.path)}`;
  return new ConfigError(path || '(root)', problem, fix);
}

function inFile(file?: string): string {
  return file ? ` (${file})` : '';
}

function envHint(path: PropertyKey[]): string {
  const known = configJsonSchema();
  const description = descriptionAt(known, path);
  const env = description?.match(/Env: ([A-Z_]+)/)?.[1];
  return env ? ` or the ${env} environment variable` : '';
}

function descriptionAt(schema: Record<string, unknown>, path: PropertyKey[]): string | undefined {
  let node: Record<string, unknown> | undefined = schema;
  for (const key of path) {
    const properties = node?.properties as Record<string, Record<string, unknown>> | undefined;
    node = typeof key === 'number' ? (node?.items as Record<string, unknown>) : properties?.[String(key)];
  }
  return node?.description as string | undefined;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}

function closest(word: string, candidates: string[]): string | undefined {
  const scored = candidates.map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate.toLowerCase()) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
