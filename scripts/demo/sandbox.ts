import { randomBytes } from 'node:crypto';
import { DEMO_REPO } from './demo-config.js';
import { startSandboxPages } from './sandbox-pages.js';

export interface Sandbox {
  /** The GitHub-compatible REST API (GITHUB_API_URL). */
  apiUrl: string;
  /** The pages issue links point to. */
  webUrl: string;
  /** The one token the sandbox accepts. */
  token: string;
  close(): Promise<void>;
}

/**
 * The local GitHub of the demo: the OpenAPI-checked fake of the tests (test/fakes/github), with
 * one repository and a fresh token, plus pages for its issue links. It keeps everything in
 * memory; no request leaves 127.0.0.1.
 */
export async function startSandbox(): Promise<Sandbox> {
  // Imported here so that a production install (npm ci --omit=dev, no ajv nor @octokit/openapi) gets one line, not a trace.
  const { createGitHubServer } = await import('../../test/fakes/github/index.js');
  const pages = await startSandboxPages();
  const token = `sandbox_${randomBytes(12).toString('hex')}`;
  const api = await createGitHubServer({ repos: [DEMO_REPO], tokens: [token], htmlUrl: pages.url });
  pages.show(api.state);
  return {
    apiUrl: api.url,
    webUrl: pages.url,
    token,
    close: async () => void (await Promise.all([api.close(), pages.close()])),
  };
}
