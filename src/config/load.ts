import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ConfigError } from './config-error.js';
import { describeIssue } from './describe-issue.js';
import { applyEnv } from './env.js';
import { configSchema, type Config } from './schema.js';

export interface LoadOptions {
  /** Config file path; when absent, OSSCHAT_CONFIG from `env` (empty means no file). */
  file?: string;
  env: Record<string, string | undefined>;
}

/** Reads the file (if any), applies environment overrides, validates: a frozen Config or one ConfigError. */
export function loadConfig({ file, env }: LoadOptions): Config {
  const path = file ?? (env.OSSCHAT_CONFIG || undefined);
  const raw = path ? readYaml(path) : {};
  const sources = applyEnv(raw, env);
  const result = configSchema.safeParse(raw);
  if (!result.success) throw describeIssue(result.error.issues[0]!, raw, sources, path);
  return deepFreeze(result.data);
}

function readYaml(path: string): Record<string, unknown> {
  if (!existsSync(path)) {
    throw new ConfigError('--config', `file not found: ${path}`, 'check the --config option or OSSCHAT_CONFIG, or copy osschat.example.yaml');
  }
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new ConfigError(path + (line ? `:${line}` : ''), `not valid YAML (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`, 'fix the YAML syntax at that line');
  }
  const value: unknown = doc.toJS() ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(path, 'expected a mapping of keys at the top level', 'start from osschat.example.yaml');
  }
  return value as Record<string, unknown>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
