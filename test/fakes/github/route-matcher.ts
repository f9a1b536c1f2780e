import type { OpenApiSpec, Operation } from './openapi-spec.js';

export interface RouteMatch {
  template: string;
  method: string;
  operation: Operation;
  params: Record<string, string>;
}

interface Route {
  template: string;
  segments: string[];
  pattern: RegExp;
  names: string[];
  operations: Record<string, Operation>;
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Finds the OpenAPI operation for a method and path; literal segments win over `{params}`. */
export function createRouteMatcher(spec: OpenApiSpec): (method: string, path: string) => RouteMatch | undefined {
  const routes = Object.entries(spec.paths).map(([template, item]) => toRoute(template, item));
  routes.sort(bySpecificity);
  return (method, path) => {
    const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    for (const route of routes) {
      const operation = route.operations[m];
      const found = operation && route.pattern.exec(path);
      if (operation && found) return { template: route.template, method: m, operation, params: namedParams(route.names, found) };
    }
    return undefined;
  };
}

function toRoute(template: string, item: Record<string, Operation>): Route {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_all, name: string) => {
    names.push(name);
    return '([^/]+?)';
  });
  const operations = Object.fromEntries(Object.entries(item).filter(([m]) => METHODS.has(m)));
  return { template, segments: template.split('/'), pattern: new RegExp(`^${source}/?$`), names, operations };
}

function namedParams(names: string[], found: RegExpExecArray): Record<string, string> {
  return Object.fromEntries(names.map((name, i) => [name, safeDecode(found[i + 1] ?? '')]));
}

function bySpecificity(a: Route, b: Route): number {
  for (const [i, segment] of a.segments.entries()) {
    const aParam = segment.startsWith('{');
    const bParam = (b.segments[i] ?? '').startsWith('{');
    if (aParam !== bParam) return aParam ? 1 : -1;
  }
  return 0;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
