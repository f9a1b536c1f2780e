import type { JsonSchema } from './openapi-spec.js';

/**
 * Turns an OpenAPI 3.0 schema into one ajv accepts: `nullable: true` becomes a `null` type
 * (or an `anyOf` with `{type: 'null'}` when no `type` is given, which ajv refuses), and each
 * `$ref` goes through `mapRef`.
 */
export function normalizeSchema(schema: unknown, mapRef: (ref: string) => string = (ref) => ref): unknown {
  if (Array.isArray(schema)) return schema.map((item) => normalizeSchema(item, mapRef));
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === '$ref' && typeof value === 'string' ? mapRef(value) : normalizeSchema(value, mapRef);
  }
  return out.nullable === true ? allowNull(out) : out;
}

function allowNull(schema: JsonSchema): JsonSchema {
  const { nullable: _nullable, ...rest } = schema;
  if (typeof rest.type === 'string') {
    const withNull: JsonSchema = { ...rest, type: [rest.type, 'null'] };
    if (Array.isArray(rest.enum)) withNull.enum = [...rest.enum, null];
    return withNull;
  }
  return { anyOf: [rest, { type: 'null' }] };
}

/** Names of the `#/components/schemas/…` a schema refers to directly. */
export function componentRefs(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) componentRefs(item, found);
  } else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_PREFIX)) found.add(value.slice(COMPONENT_PREFIX.length));
      else componentRefs(value, found);
    }
  }
  return found;
}

export const COMPONENT_PREFIX = '#/components/schemas/';
