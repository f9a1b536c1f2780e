import { z } from 'zod';
import { configSchema } from './schema.js';

type JsonSchema = Record<string, unknown>;
let cached: JsonSchema | undefined;

/** The configuration schema as JSON Schema (input side: defaults and descriptions included). */
export function configJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return cached;
}

/** Keys allowed at a path of the configuration (array indexes step into items; unions list every branch). */
export function keysAt(schema: JsonSchema, path: PropertyKey[]): string[] {
  let nodes: JsonSchema[] = [schema];
  for (const key of path) {
    nodes = nodes.flatMap(branches).flatMap((node) => {
      if (typeof key === 'number') return node.items ? [node.items as JsonSchema] : [];
      const child = (node.properties as Record<string, JsonSchema> | undefined)?.[String(key)];
      return child ? [child] : [];
    });
  }
  return [...new Set(nodes.flatMap(branches).flatMap((node) => Object.keys((node.properties as object) ?? {})))];
}

function branches(node: JsonSchema): JsonSchema[] {
  const options = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  return options ? options.flatMap(branches) : [node];
}
