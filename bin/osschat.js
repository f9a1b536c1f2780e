#!/usr/bin/env node
// Runs the compiled CLI when dist/ is current. Without dist/, or in a checkout whose src/ changed
// since the last `npm run build`, it runs the TypeScript sources through tsx: never stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

/** The newest change under `dir`, folders included: a deleted or renamed file changes its folder's time. */
function newestChange(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

// The build writes every file of dist/, so its entry point carries the time of the last build.
const current = existsSync(built) && (!existsSync(sources) || newestChange(sources) <= statSync(built).mtimeMs);
if (current) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
