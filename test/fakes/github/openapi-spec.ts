import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; parameters: Record<string, Parameter> };
}

let cached: { spec: OpenApiSpec; loadMs: number } | undefined;

/** GitHub's REST description (api.github.com), parsed once per process. */
export function loadSpec(): OpenApiSpec {
  if (!cached) {
    const started = performance.now();
    // The package root loads every variant (385 MB): read the one file we need.
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    const spec = JSON.parse(readFileSync(file, 'utf8')) as OpenApiSpec;
    cached = { spec, loadMs: performance.now() - started };
  }
  return cached.spec;
}

/** Milliseconds the first `loadSpec()` took (0 before it ran). */
export function specLoadMs(): number {
  return cached?.loadMs ?? 0;
}

/** Follows `#/components/parameters/x`, the only kind of $ref GitHub uses in parameter lists. */
export function resolveParameter(spec: OpenApiSpec, p: Parameter | { $ref: string }): Parameter {
  if (!('$ref' in p)) return p;
  const name = p.$ref.split('/').pop() ?? '';
  const found = spec.components.parameters[name];
  if (!found) throw new Error(`unresolved parameter ${p.$ref}`);
  return found;
}
