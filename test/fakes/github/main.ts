import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createGitHubServer, type GitHubServerOptions } from './server.js';

const USAGE = `usage: tsx test/fakes/github/main.ts [--port N] [--repo owner/name]... [--token T]... [--latency MS]
       [--app-id N --app-public-key FILE [--installation ID]]
env:   FAKE_GITHUB_PORT, FAKE_GITHUB_REPOS, FAKE_GITHUB_TOKENS (comma-separated), FAKE_GITHUB_LATENCY_MS,
       FAKE_GITHUB_APP_ID, FAKE_GITHUB_APP_PUBLIC_KEY_FILE, FAKE_GITHUB_INSTALLATION_ID
Prints its base URL as the first line; test-only control API under /_fake/ (faults, state, issues, reset).`;

const list = (values: string[] | undefined, env: string | undefined): string[] | undefined =>
  values?.length ? values : env?.split(',').map((v) => v.trim()).filter(Boolean);

/** Options from argv, falling back to FAKE_GITHUB_* variables. */
export function parseMainOptions(argv: string[], env: Record<string, string | undefined>): GitHubServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      repo: { type: 'string', multiple: true },
      token: { type: 'string', multiple: true },
      latency: { type: 'string' },
      'app-id': { type: 'string' },
      'app-public-key': { type: 'string' },
      installation: { type: 'string' },
    },
  });
  const repos = list(values.repo, env.FAKE_GITHUB_REPOS);
  const appId = values['app-id'] ?? env.FAKE_GITHUB_APP_ID;
  const keyFile = values['app-public-key'] ?? env.FAKE_GITHUB_APP_PUBLIC_KEY_FILE;
  const installationId = Number(values.installation ?? env.FAKE_GITHUB_INSTALLATION_ID ?? 1);
  return {
    port: Number(values.port ?? env.FAKE_GITHUB_PORT ?? 0),
    repos,
    tokens: list(values.token, env.FAKE_GITHUB_TOKENS),
    latencyMs: Number(values.latency ?? env.FAKE_GITHUB_LATENCY_MS ?? 0),
    app:
      appId && keyFile
        ? { id: Number(appId), publicKeyPem: readFileSync(keyFile, 'utf8'), installations: [{ id: installationId, repos: repos ?? ['octo/hello'] }] }
        : undefined,
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const server = await createGitHubServer(parseMainOptions(process.argv.slice(2), process.env));
  console.log(server.url);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) await main();
