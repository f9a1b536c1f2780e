import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { runtimeEngineConflicts } from './engine-conflicts.js';

const ROOT = new URL('../../', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(fileURLToPath(new URL(file, ROOT)), 'utf8')) as Record<string, any>;

describe('runtime dependencies run on the Node version we state', () => {
  const pkg = read('package.json');

  it('package.json says Node 20 or newer, as the README does', () => {
    expect(semver.minVersion(pkg.engines.node)!.major).toBe(20);
  });

  it('no runtime package in the lockfile asks for a newer Node (npm ci would print EBADENGINE)', () => {
    expect(runtimeEngineConflicts(read('package-lock.json') as never, pkg.engines.node)).toEqual([]);
  });

  it('a package asking for Node 22 is reported, a dev-only one is not', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/content-type': { version: '3.1.1', engines: { node: '>=22' } },
        'node_modules/vitest': { version: '9.0.0', dev: true, engines: { node: '>=24' } },
        'node_modules/ok': { version: '1.0.0', engines: { node: '>=18' } },
      },
    };
    expect(runtimeEngineConflicts(lock, '>=20')).toEqual(['content-type@3.1.1 wants node >=22']);
  });
});
