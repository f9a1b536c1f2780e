import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { DeliveryAcceptor } from '../../src/core/notify/delivery-acceptor.js';
import { createGitHubWebhookReceiver } from '../../src/forge/github/webhook-receiver.js';
import { createWebApp } from '../../src/web/app.js';
import { listen, type RunningServer } from '../../src/web/server.js';
import { freshSqliteStore } from '../helpers/databases.js';
import { payloadFor, signedHeaders } from '../helpers/webhook-examples.js';
import { RawClient } from './raw-http.js';

const SECRET = 'webhook-secret-for-tests';
const MB = 1024 * 1024;
let server: RunningServer;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const fresh = await freshSqliteStore();
  const acceptor = new DeliveryAcceptor(fresh.store, { digestAt: () => new Date(Date.now() + 3_600_000) }, silentLogger);
  const app = createWebApp({
    health: { pingDatabase: () => fresh.store.ping(), chatState: () => 'ready' },
    webhooks: { path: '/webhooks/github', receive: createGitHubWebhookReceiver(SECRET), accept: (d) => acceptor.accept(d), wake: () => undefined, log: silentLogger },
  });
  server = await listen(app, '127.0.0.1', 0);
  cleanup = async () => {
    await server.close();
    await fresh.cleanup();
  };
});
afterEach(async () => cleanup());

const webhookHead = (framing: string) => `POST /webhooks/github HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-GitHub-Event: issues\r\nX-GitHub-Delivery: d-1\r\n${framing}\r\n\r\n`;

async function healthzMs(): Promise<number> {
  const started = performance.now();
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  return performance.now() - started;
}

describe('request body limits on a real socket', () => {
  it('answers an unsigned 30 MB webhook with a declared length 413 before a byte of its body is sent, and hangs up', async () => {
    const client = await RawClient.open(server.url, webhookHead(`Content-Length: ${30 * MB}`));
    await client.closed;
    expect(client.status).toBe(413);
    expect(client.response).toMatch(/larger than the limit of 26214400 bytes/);
  });

  it('cuts off a chunked 30 MB stream past 25 MB with 413, ends the connection and keeps /healthz quick', async () => {
    const attacker = await RawClient.open(server.url, webhookHead('Transfer-Encoding: chunked'));
    const streaming = attacker.streamChunked(30 * MB);
    expect(await healthzMs()).toBeLessThan(2000);
    await streaming;
    await attacker.closed;
    expect(attacker.status).toBe(413);
    expect(attacker.response).toMatch(/larger than the limit of 26214400 bytes/);
    expect(attacker.sent).toBeLessThan(30 * MB);
    expect(await healthzMs()).toBeLessThan(2000);
  });

  it('holds no more than the limit in memory however much is streamed (300 MB against a 1 MiB limit)', async () => {
    // A small limit and a large stream tell buffering apart from noise: the whole stream would be 300 MB.
    const small = await listen(createWebApp({ health: { pingDatabase: async () => undefined, chatState: () => 'ready' }, limits: { maxBodyBytes: MB, maxWebhookBodyBytes: MB } }), '127.0.0.1', 0);
    try {
      const rssBefore = process.memoryUsage().rss;
      const attacker = await RawClient.open(small.url, 'POST /webhooks/github HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
      await attacker.streamChunked(300 * MB);
      await attacker.closed;
      expect(attacker.status).toBe(413);
      expect(attacker.sent).toBeLessThan(300 * MB);
      expect((process.memoryUsage().rss - rssBefore) / MB).toBeLessThan(60);
    } finally {
      await small.close();
    }
  });

  it('stays up and answers /healthz while several oversized uploads are refused at once', async () => {
    const attackers = await Promise.all([1, 2, 3].map(() => RawClient.open(server.url, webhookHead('Transfer-Encoding: chunked'))));
    const streaming = attackers.map((client) => client.streamChunked(30 * MB));
    expect(await healthzMs()).toBeLessThan(2000);
    await Promise.all(streaming);
    await Promise.all(attackers.map((client) => client.closed));
    expect(attackers.map((client) => client.status)).toEqual([413, 413, 413]);
  });

  it('holds every other route to the small global limit (1 MiB), streamed or declared', async () => {
    const declared = await fetch(`${server.url}/dashboard/faq/import`, { method: 'POST', body: 'x'.repeat(2 * MB) });
    expect(declared.status).toBe(413);
    const client = await RawClient.open(server.url, 'POST /anything HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    await client.streamChunked(4 * MB);
    await client.closed;
    expect(client.status).toBe(413);
    expect(client.sent).toBeLessThan(4 * MB);
  });

  it('still accepts a valid signed delivery under the limit, with a declared length or chunked', async () => {
    const body = payloadFor('issues', 'opened');
    const declared = await fetch(`${server.url}/webhooks/github`, { method: 'POST', body, headers: await signedHeaders(SECRET, 'issues', 'ok-1', body) });
    expect(declared.status).toBe(202);
    // The webhook's answer is left on the server's fast path, but still says nosniff.
    expect(declared.headers.get('x-content-type-options')).toBe('nosniff');
    const unsigned = await fetch(`${server.url}/webhooks/github`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'bad-1' } });
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('x-content-type-options')).toBe('nosniff');
    const stream = new Blob([body]).stream();
    const chunked = await fetch(`${server.url}/webhooks/github`, { method: 'POST', body: stream, duplex: 'half', headers: await signedHeaders(SECRET, 'issues', 'ok-2', body) } as RequestInit);
    expect(chunked.status).toBe(202);
  });
});
