import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The configured secret, or one generated on first start and kept in `DIR/session-secret` (mode 600),
 * so sessions survive restarts; `DIR` is the SQLite database's folder, else ./data.
 */
export function sessionSecret(configured: string | undefined, databaseUrl: string): string {
  if (configured) return configured;
  const sqlitePath = /^postgres(ql)?:\/\//.test(databaseUrl) || databaseUrl.includes(':memory:') ? undefined : databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  const file = join(sqlitePath ? dirname(sqlitePath) : 'data', 'session-secret');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch {
    // first start: generate below
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
