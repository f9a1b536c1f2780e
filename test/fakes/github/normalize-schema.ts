import type { JsonSchema } from './openapi-spec.js';

/**
 * Turns an OpenAPI 3.0 schema into one ajv accepts: `nullable: true` becomes a `null` type
 * (or an `anyOf` with `{type: 'null'}` when no `type` is given, which ajv refuses), and local
 * `#/components/...` refs are pointed at the document registered under `refBase`.
 */
export function normalizeSchema(schema: unknown, refBase = ''): unknown {
  if (Array.isArray(schema)) return schema.map((item) => normalizeSchema(item, refBase));
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === '$ref' && typeof value === 'string' ? refBase + value : normalizeSchema(value, refBase);
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
