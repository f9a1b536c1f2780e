import { describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/web/app.js';

describe('GET /healthz', () => {
  it('reports the database and the chat adapter', async () => {
    const app = createWebApp({ health: { pingDatabase: async () => undefined, chatState: () => 'waiting-login' } });
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', chat: 'waiting-login' });
  });

  it('answers 503 when the database does not answer or the chat adapter failed', async () => {
    const down = createWebApp({ health: { pingDatabase: async () => Promise.reject(new Error('connection refused')), chatState: () => 'ready' } });
    const response = await down.request('/healthz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'fail', database: 'unreachable', chat: 'ready' });
    const failed = createWebApp({ health: { pingDatabase: async () => undefined, chatState: () => 'failed' } });
    expect((await failed.request('/healthz')).status).toBe(503);
  });
});
