import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import { DeliveryAcceptor } from '../../src/core/notify/delivery-acceptor.js';
import type { OutgoingMessage } from '../../src/core/types.js';
import { createGitHubForge } from '../../src/forge/github/github-forge.js';
import { mapGitHubEvent } from '../../src/forge/github/map-event.js';
import { createGitHubWebhookReceiver } from '../../src/forge/github/webhook-receiver.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { examplesOf, signedHeaders } from '../helpers/webhook-examples.js';

const SECRET = 'installation-secret';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const example = (event: string, action: string, installationId?: number) =>
  examplesOf(event, action).find((payload) => installationId === undefined || (payload.installation as { id: number }).id === installationId)!;

describe('installation webhooks (real payloads) → what the App reaches', () => {
  it('maps every installation and installation_repositories example to a change', () => {
    const changes = ['installation', 'installation_repositories'].flatMap((event) => examplesOf(event).map((payload) => [event, payload.action, mapGitHubEvent(event, 'd', payload)] as const));
    const kinds = changes.map(([event, action, mapped]) => `${event}.${String(action)}:${mapped.kind}`);
    expect(kinds.every((kind) => kind.endsWith(':installation'))).toBe(true);
    expect(mapGitHubEvent('installation', 'd', example('installation', 'created'))).toEqual({
      kind: 'installation',
      change: { installationId: 957387, account: 'Codertocat', selection: 'selected', repos: { set: ['Codertocat/Hello-World'] } },
    });
    expect(mapGitHubEvent('installation_repositories', 'd', example('installation_repositories', 'added'))).toMatchObject({
      change: { installationId: 957387, repos: { add: ['Codertocat/Space'], remove: [] } },
    });
  });
});

describe('binding a repository the GitHub App cannot reach', () => {
  let github: GitHubServer;
  let store: Store;
  let bot: Bot;
  let web: ReturnType<typeof createWebApp>;
  const sent: OutgoingMessage[] = [];
  let seq = 0;

  beforeAll(async () => {
    github = await createGitHubServer({
      repos: ['Codertocat/Hello-World', 'Codertocat/Space', 'octo/hello', 'octo/other'],
      app: { id: 4242, slug: 'osschat', publicKeyPem: keys.publicKey, installations: [{ id: 77, repos: ['octo/hello', 'octo/other'] }] },
    });
    store = await openStore(':memory:');
    const forge = createGitHubForge({ apiUrl: github.url, app: { appId: '4242', privateKey: keys.privateKey }, log: silentLogger, throttle: false, retries: 1, retryAfterBaseValue: 5 });
    bot = createBot({ store, platform: 'test', log: silentLogger, send: async (m) => void sent.push(m), admins: ['u1'], services: { forge, roomSettings: (room) => (room.externalId === 'en-room' ? { locale: 'en' } : {}) }, worker: { backoff: () => 10 } });
    const acceptor = new DeliveryAcceptor(store, { digestAt: () => new Date() }, silentLogger);
    web = createWebApp({
      health: { pingDatabase: async () => undefined, chatState: () => 'ready' },
      webhooks: { path: '/webhooks/github', receive: createGitHubWebhookReceiver(SECRET), accept: (d) => acceptor.accept(d), wake: () => bot.wake(), log: silentLogger },
    });
  });
  afterAll(async () => {
    await bot.stop();
    await store.close();
    await github.close();
  });

  async function deliver(event: string, payload: Record<string, unknown>): Promise<number> {
    const body = JSON.stringify(payload);
    const response = await web.request('/webhooks/github', { method: 'POST', body, headers: await signedHeaders(SECRET, event, `d-${++seq}`, body) });
    return response.status;
  }

  async function say(text: string, locale?: 'en'): Promise<string> {
    sent.length = 0;
    const room = locale ? { id: 'en-room', topic: 'English' } : { id: 'r1', topic: '开发者群' };
    await bot.handle({ type: 'message', id: `m${++seq}`, room, from: { id: 'u1', name: '张三' }, text, kind: 'text', ts: new Date() });
    await bot.drain(1000);
    return sent.map((m) => m.text).join('\n');
  }

  it('refuses with the install link until an installation reaches the repository, then binds', async () => {
    expect(await deliver('installation', example('installation', 'created'))).toBe(202);
    expect(await store.installations.reach('codertocat/hello-world')).toBe('yes');
    const refused = await say('绑定 Codertocat/Space');
    expect(refused).toContain('GitHub App 还不能访问 Codertocat/Space');
    expect(refused).toContain('https://github.com/apps/osschat/installations/new');
    expect((await store.rooms.findByExternalId('test', 'r1'))?.repo ?? null).toBeNull();

    expect(await deliver('installation_repositories', example('installation_repositories', 'added'))).toBe(202);
    expect(await say('绑定 Codertocat/Space')).toContain('已绑定 Codertocat/Space');
    expect((await store.rooms.findByExternalId('test', 'r1'))?.repo).toBe('Codertocat/Space');
  });

  it('forgets repositories removed from an installation', async () => {
    const removed = structuredClone(example('installation_repositories', 'removed'));
    Object.assign(removed, { installation: { ...(removed.installation as object), id: 957387, account: { login: 'Codertocat' } }, repositories_removed: [{ full_name: 'Codertocat/Space' }] });
    expect(await deliver('installation_repositories', removed)).toBe(202);
    expect(await store.installations.reach('Codertocat/Space')).toBe('no');
    expect(await say('/bind Codertocat/Space', 'en')).toContain('the OSSChat GitHub App cannot reach Codertocat/Space yet');
  });

  it('keeps "all repositories" installations by account, suspensions and uninstalls', async () => {
    expect(await deliver('installation', example('installation', 'unsuspend'))).toBe(202);
    expect(await store.installations.reach('Codertocat/Anything')).toBe('yes');
    expect(await deliver('installation', example('installation', 'suspend'))).toBe(202);
    expect(await store.installations.reach('Codertocat/Anything')).toBe('no');
    expect(await deliver('installation', example('installation', 'deleted'))).toBe(202);
    expect(await store.installations.reach('octocat/Hello-World')).toBe('no');
  });

  it('uses one installation token for every repository of the installation, until it expires', async () => {
    const forge = createGitHubForge({ apiUrl: github.url, app: { appId: '4242', privateKey: keys.privateKey }, log: silentLogger, throttle: false, retries: 1, retryAfterBaseValue: 5 });
    const before = github.requests.filter((r) => r.operationId === 'apps/create-installation-access-token').length;
    for (const repo of ['octo/hello', 'octo/other', 'octo/hello']) await forge.createIssue({ repo, title: 't', body: 'b', labels: [] });
    expect(github.requests.filter((r) => r.operationId === 'apps/create-installation-access-token').length - before).toBe(1);
  });
});
