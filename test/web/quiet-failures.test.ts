import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { createGitHubWebhookReceiver } from '../../src/forge/github/webhook-receiver.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { openStore } from '../../src/store/open-store.js';
import { createWebApp } from '../../src/web/app.js';
import { listen, type RunningServer } from '../../src/web/server.js';
import { RawClient } from './raw-http.js';

function captureLog() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } }) };
}

const STACK_FRAME = /\n\s+at /;
let server: RunningServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

describe('a request the client abandons half-way', () => {
  it('is one quiet debug line with method and path, and never a stack trace on the console', async () => {
    const console = ['error', 'warn', 'info', 'log'].map((level) => vi.spyOn(globalThis.console, level as 'error'));
    const stderr = vi.spyOn(process.stderr, 'write');
    const { lines, log } = captureLog();
    const accept = vi.fn();
    const app = createWebApp({ log, health: { pingDatabase: async () => undefined, chatState: () => 'ready' }, webhooks: { path: '/webhooks/github', receive: createGitHubWebhookReceiver('s'), accept, wake: () => undefined, log: silentLogger } });
    server = await listen(app, '127.0.0.1', 0);
    for (const framing of ['Content-Length: 1000', 'Transfer-Encoding: chunked']) {
      const client = await RawClient.open(server.url, `POST /webhooks/github HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`);
      await client.sendAndHangUp(framing.startsWith('Content') ? '{"action":' : '10\r\n{"action":"open');
    }
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: 20, method: 'POST', path: '/webhooks/github', msg: 'request aborted by the client' });
    expect(lines.join('')).not.toMatch(/"stack"|\bat .*\(node:/);
    for (const spy of [...console, stderr]) expect(spy.mock.calls.map(String).join('\n')).not.toMatch(STACK_FRAME);
    expect(accept).not.toHaveBeenCalled();
  });
});

describe('GET /healthz with a broken database', () => {
  it('answers 503 with fixed words only and logs the database error once, however often it is probed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-health-'));
    const store = await openStore(join(dir, 'osschat.db'));
    await store.close();
    rmSync(dir, { recursive: true });
    const { lines, log } = captureLog();
    const app = createWebApp({ log, health: { pingDatabase: () => store.ping(), chatState: () => 'ready' } });
    const answers = await Promise.all([1, 2, 3].map(async () => app.request('/healthz')));
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ status: 'fail', database: 'unreachable', chat: 'ready' });
    }
    const errors = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'healthz: the database does not answer', err: { message: expect.stringMatching(/\w/) } });
  });
});
