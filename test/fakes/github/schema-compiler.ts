import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { COMPONENT_PREFIX, componentRefs, normalizeSchema } from './normalize-schema.js';
import { loadSpec, type JsonSchema } from './openapi-spec.js';

const SCHEMA_BASE = 'https://api.github.com/fake-schemas/';
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const registered = new Set<string>();
let ajv: Ajv | undefined;

function getAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    for (const name of ['timestamp', 'repo.nwo']) ajv.addFormat(name, true);
  }
  return ajv;
}

const toId = (ref: string): string => (ref.startsWith(COMPONENT_PREFIX) ? SCHEMA_BASE + ref.slice(COMPONENT_PREFIX.length) : ref);

/** Registers only the component schemas reachable from `schema` (all of them would take seconds). */
function registerComponents(schema: unknown): void {
  const pending = [...componentRefs(schema)];
  const components = loadSpec().components.schemas;
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (registered.has(name)) continue;
    registered.add(name);
    const component = components[name];
    if (!component) throw new Error(`GitHub's OpenAPI description has no schema ${name}`);
    getAjv().addSchema(normalizeSchema(component, toId) as JsonSchema, SCHEMA_BASE + name);
    pending.push(...componentRefs(component));
  }
}

/** Compiles an OpenAPI schema from GitHub's description with ajv. */
export function compileSchema(schema: unknown): ValidateFunction {
  registerComponents(schema);
  return getAjv().compile(normalizeSchema(schema, toId) as JsonSchema);
}
