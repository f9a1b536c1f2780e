import { generateKeyPairSync } from 'node:crypto';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';

const APP_ID = 4242;
const INSTALLATION_ID = 77;

function keyPair(modulusLength = 2048): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

const keys = keyPair();
let server: GitHubServer;

beforeAll(async () => {
  server = await createGitHubServer({
    repos: ['octo/hello', 'octo/other'],
    app: { id: APP_ID, slug: 'osschat', publicKeyPem: keys.publicKey, installations: [{ id: INSTALLATION_ID, repos: ['octo/hello'] }] },
    validateResponses: true,
  });
});
afterAll(() => server.close());

const appClient = (privateKey = keys.privateKey, installationId?: number): Octokit =>
  new Octokit({ baseUrl: server.url, authStrategy: createAppAuth, auth: { appId: APP_ID, privateKey, ...(installationId ? { installationId } : {}) } });

describe('GitHub App authentication', () => {
  test('JWT → installation token → issue created by the app bot', async () => {
    const octokit = appClient(keys.privateKey, INSTALLATION_ID);

    const { data } = await octokit.rest.issues.create({ owner: 'octo', repo: 'hello', title: 'from the app' });

    expect(data.user?.login).toBe('osschat[bot]');
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /app/installations/${INSTALLATION_ID}/access_tokens 201`,
      'POST /repos/octo/hello/issues 201',
    ]);
    expect(server.requests[0]?.headers.authorization).toBe('bearer [redacted]');
    expect(server.violations).toEqual([]);
    expect(server.responseViolations).toEqual([]);
  });

  test('the JWT finds the installation and reads the app; tokens expire in an hour', async () => {
    const octokit = appClient();
    const { data: installation } = await octokit.rest.apps.getRepoInstallation({ owner: 'octo', repo: 'hello' });
    const { data: app } = await octokit.rest.apps.getAuthenticated();
    const auth = createAppAuth({ appId: APP_ID, privateKey: keys.privateKey, request: octokit.request });
    const token = await auth({ type: 'installation', installationId: INSTALLATION_ID });

    expect(installation).toMatchObject({ id: INSTALLATION_ID, app_id: APP_ID });
    expect(app).toMatchObject({ id: APP_ID, slug: 'osschat' });
    expect(token.token).toMatch(/^ghs_/);
    expect(Date.parse(token.expiresAt) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(await appClient().rest.apps.getRepoInstallation({ owner: 'octo', repo: 'other' }).catch((e: { status: number }) => e.status)).toBe(404);
    expect(server.responseViolations).toEqual([]);
  });

  test('an installation token sees only its repositories and is no user', async () => {
    const octokit = appClient(keys.privateKey, INSTALLATION_ID);

    const other = await octokit.rest.issues.listForRepo({ owner: 'octo', repo: 'other' }).catch((e: { status: number }) => e.status);
    const user = await octokit.rest.users.getAuthenticated().catch((e: { status: number }) => e.status);

    expect([other, user]).toEqual([404, 403]);
  });

  test('a JWT signed with another key is 401', async () => {
    const error = await appClient(keyPair(1024).privateKey).rest.apps.getAuthenticated().catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, response: { data: { message: 'A JSON web token could not be decoded' } } });
  });

  test('a personal token cannot call app endpoints', async () => {
    const octokit = new Octokit({ baseUrl: server.url, auth: 'test-token' });

    expect(await octokit.rest.apps.getAuthenticated().catch((e: { status: number }) => e.status)).toBe(401);
  });
});
