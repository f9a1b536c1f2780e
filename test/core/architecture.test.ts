import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const core = fileURLToPath(new URL('../../src/core', import.meta.url));
const FORBIDDEN = /from ['"](wechaty[^'"]*|@octokit\/[^'"]*|octokit|better-sqlite3|pg|kysely|hono|@hono\/[^'"]*|fastify|pino)['"]/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('src/core', () => {
  it('imports no platform SDK, database driver, query builder or web framework', () => {
    const offenders = files(core).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
