import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileSchema as compile } from './schema-compiler.js';
import { loadSpec, resolveParameter, type JsonSchema, type Parameter } from './openapi-spec.js';
import type { RouteMatch } from './route-matcher.js';

export interface RequestParts {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface ValidationFailure {
  status: 404 | 422;
  errors: string[];
}

interface OperationValidators {
  path: ValidateFunction;
  query: ValidateFunction;
  body?: ValidateFunction;
  bodyRequired: boolean;
  parameters: Parameter[];
}

const cache = new Map<string, OperationValidators>();
const responseCache = new Map<string, ValidateFunction | null>();

function paramsSchema(parameters: Parameter[], location: 'path' | 'query'): JsonSchema {
  const own = parameters.filter((p) => p.in === location);
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [p.name, p.schema ?? {}])),
    required: own.filter((p) => p.required).map((p) => p.name),
  };
}

function validatorsFor(match: RouteMatch): OperationValidators {
  const key = `${match.method} ${match.template}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const spec = loadSpec();
  const parameters = (match.operation.parameters ?? []).map((p) => resolveParameter(spec, p));
  const bodySchema = match.operation.requestBody?.content?.['application/json']?.schema;
  const built: OperationValidators = {
    path: compile(paramsSchema(parameters, 'path')),
    query: compile(paramsSchema(parameters, 'query')),
    body: bodySchema ? compile(bodySchema) : undefined,
    bodyRequired: match.operation.requestBody?.required === true,
    parameters,
  };
  cache.set(key, built);
  return built;
}

/** Checks a request against its operation: path params (404 like GitHub), then query and body (422). */
export function validateRequest(match: RouteMatch, parts: RequestParts): ValidationFailure | undefined {
  const v = validatorsFor(match);
  if (!v.path(coerceAll(v.parameters, 'path', (name) => (name in parts.params ? [parts.params[name] ?? ''] : [])))) {
    return { status: 404, errors: describe('path', v.path.errors) };
  }
  const errors: string[] = [];
  if (!v.query(coerceAll(v.parameters, 'query', (name) => parts.query.getAll(name)))) errors.push(...describe('query', v.query.errors));
  if (parts.body === undefined && v.bodyRequired) errors.push('body is required');
  if (parts.body !== undefined && v.body && !v.body(parts.body)) errors.push(...describe('body', v.body.errors));
  return errors.length > 0 ? { status: 422, errors } : undefined;
}

/** Checks one of the fake's own answers against the documented response schema for its status. */
export function validateResponse(match: RouteMatch, status: number, body: unknown): string[] {
  const key = `${match.method} ${match.template} ${status}`;
  if (!responseCache.has(key)) {
    const schema = match.operation.responses?.[String(status)]?.content?.['application/json']?.schema;
    responseCache.set(key, schema ? compile(schema) : null);
  }
  const validate = responseCache.get(key);
  return !validate || validate(body) ? [] : describe('response', validate.errors);
}

function coerceAll(parameters: Parameter[], location: 'path' | 'query', values: (name: string) => string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of parameters.filter((x) => x.in === location)) {
    const raw = values(p.name);
    if (raw.length > 0) out[p.name] = coerce(p.schema ?? {}, raw);
  }
  return out;
}

/** Query strings carry text: convert it to the schema's type so ajv checks the value, not its spelling. */
function coerce(schema: JsonSchema, raw: string[]): unknown {
  const last = raw[raw.length - 1] ?? '';
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(last) ? Number(last) : last;
    case 'number':
      return last.trim() !== '' && !Number.isNaN(Number(last)) ? Number(last) : last;
    case 'boolean':
      return last === 'true' ? true : last === 'false' ? false : last;
    case 'array':
      return raw.flatMap((value) => value.split(',')).map((item) => coerce((schema.items ?? {}) as JsonSchema, [item]));
    default:
      return last;
  }
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    return `${where}${e.instancePath || ''} ${e.message ?? e.keyword}${extra}`;
  });
}
