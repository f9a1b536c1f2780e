import { stringify } from 'yaml';
import { configJsonSchema } from './json-schema.js';

type JsonSchema = Record<string, unknown>;

const HEADER = `# OSSChat configuration — every key, its default and what it does.
# Generated from src/config/schema.ts by \`npm run sample-config\`; do not edit by hand.
# Every key is optional. Secrets can come from the environment instead (see "Env:").
`;

/** The documented sample configuration, rendered from the schema's descriptions and defaults. */
export function renderSampleConfig(): string {
  return HEADER + renderObject(configJsonSchema(), 0);
}

function renderObject(schema: JsonSchema, depth: number): string {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties)
    .map(([key, child]) => renderKey(key, child, depth))
    .join(depth === 0 ? '\n' : '');
}

function renderKey(key: string, schema: JsonSchema, depth: number): string {
  const indent = '  '.repeat(depth);
  const comment = schema.description ? `${indent}# ${String(schema.description)}\n` : '';
  if (schema.type === 'object' && schema.properties) {
    return `${comment}${indent}${key}:\n${renderObject(schema, depth + 1)}`;
  }
  const examples = schema.examples as unknown[] | undefined;
  const example = examples?.[0] !== undefined ? commented(stringify({ [key]: examples[0] }), indent) : '';
  if (schema.default !== undefined) {
    return `${comment}${example}${indented(stringify({ [key]: schema.default }), indent)}`;
  }
  return `${comment}${example || `${indent}# ${key}:\n`}`;
}

function commented(yaml: string, indent: string): string {
  return indented(yaml, `${indent}# `);
}

function indented(yaml: string, prefix: string): string {
  return yaml
    .trimEnd()
    .split('\n')
    .map((line) => `${prefix}${line}\n`)
    .join('');
}
