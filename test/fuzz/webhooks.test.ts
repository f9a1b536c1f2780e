import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { DeliveryAcceptor } from '../../src/core/notify/delivery-acceptor.js';
import { createGitHubWebhookReceiver } from '../../src/forge/github/webhook-receiver.js';
import { createWebApp } from '../../src/web/app.js';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';
import { examplesOf, payloadFor, signedHeaders } from '../helpers/webhook-examples.js';
import { chatText, mutate, seeded, within } from './fuzz-input.js';

const SECRET = 'fuzz-webhook-secret';
const EVENTS = ['issues', 'issue_comment', 'pull_request', 'pull_request_review', 'release', 'discussion', 'discussion_comment', 'push', 'ping', 'star'];
let h: Harness;
let app: ReturnType<typeof createWebApp>;

beforeAll(async () => {
  h = await issueHarness({ notifyLimit: { minIntervalMs: 0, perHour: 100_000 } });
  const acceptor = new DeliveryAcceptor(h.store, { digestAt: () => new Date(Date.now() + 3_600_000) }, silentLogger);
  app = createWebApp({
    health: { pingDatabase: async () => undefined, chatState: () => 'ready' },
    webhooks: { path: '/webhooks/github', receive: createGitHubWebhookReceiver(SECRET), accept: (d) => acceptor.accept(d), wake: () => h.bot.wake(), log: silentLogger },
  });
  await h.say('hello', { room: { id: 'subscribed', topic: 'subscribed' } });
  const room = (await h.store.rooms.findByName('subscribed'))!;
  await h.store.subscriptions.upsert({ roomId: room.id, repo: 'octo/hello', features: ['issues', 'pulls', 'releases', 'comments', 'discussions'], filters: {} });
});
afterAll(async () => h.close());

let sequence = 0;
const post = (body: string, headers: Record<string, string>) => within(5000, 'webhook request', Promise.resolve(app.request('/webhooks/github', { method: 'POST', body, headers })));

/** Real payloads with fields deleted, nulled or replaced: signed, so they reach the mapper. */
function mutatedPayload(random: () => number): { event: string; body: string } {
  const event = EVENTS[Math.floor(random() * EVENTS.length)]!;
  const examples = examplesOf(event);
  const payload = structuredClone(examples[Math.floor(random() * examples.length)] ?? {}) as Record<string, unknown>;
  const keys = (node: Record<string, unknown>) => Object.keys(node);
  for (let i = 0; i < 1 + random() * 4; i++) {
    let node: Record<string, unknown> = payload;
    while (random() < 0.6) {
      const next = node[keys(node)[Math.floor(random() * keys(node).length)] ?? ''];
      if (!next || typeof next !== 'object') break;
      node = next as Record<string, unknown>;
    }
    const key = keys(node)[Math.floor(random() * keys(node).length)];
    if (key === undefined) continue;
    const replacements = [undefined, null, '', 0, -1, [], {}, 'x'.repeat(100_000), '以上五条开工单', true];
    node[key] = replacements[Math.floor(random() * replacements.length)];
  }
  if (random() < 0.3) (payload as { repository?: { full_name?: string } }).repository ??= {};
  return { event, body: random() < 0.1 ? mutate(Buffer.from(JSON.stringify(payload)), random).toString('utf8') : JSON.stringify(payload) };
}

describe('webhook endpoint on random and mutated requests', () => {
  it('signed but mutated payloads: 200, 202 or 400, never a 5xx', async () => {
    const random = seeded(5);
    for (let i = 0; i < 400; i++) {
      const { event, body } = mutatedPayload(random);
      if (body === '') continue;
      const response = await post(body, await signedHeaders(SECRET, event, `mutated-${i}`, body));
      expect([200, 202, 400], `${event} mutation ${i}: ${response.status} ${await response.clone().text()}`).toContain(response.status);
    }
    await within(20_000, 'draining notifications of mutated payloads', h.bot.drain(100));
    expect(await h.store.outbox.counts()).toMatchObject({ pending: 0 });
  });

  it('arbitrary headers and bodies: 401 or 400, never accepted, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(chatText(), fc.option(chatText(), { nil: undefined }), fc.option(fc.constantFrom(...EVENTS), { nil: undefined }), async (body, signature, event) => {
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-delivery': `random-${++sequence}` };
        const safe = (value: string) => value.replace(/[^\x20-\x7e]/g, '');
        if (signature !== undefined) headers['x-hub-signature-256'] = safe(signature);
        if (event) headers['x-github-event'] = event;
        const response = await post(body, headers);
        expect([400, 401]).toContain(response.status);
      }),
      { numRuns: 500 },
    );
  });
});

describe('webhook flood', () => {
  it('2,000 unsigned and wrongly signed requests: all 401; the signed ones among them 202 and delivered once; memory flat', async () => {
    const gc = exposeGc();
    const body = payloadFor('issues', 'opened', (p) => (p.repository.full_name = 'octo/hello'));
    const good = await signedHeaders(SECRET, 'issues', 'flood-template', body);
    const wrong = await signedHeaders('not-the-secret', 'issues', 'wrong', body);
    const sentBefore = eventsSaidIn('subscribed');
    const statuses = new Map<number, number>();
    let signed = 0;
    let baseline = 0;
    for (let i = 0; i < 2000; i++) {
      if (i === 500) baseline = heapAfterGc(gc);
      let headers: Record<string, string>;
      if (i % 40 === 39) headers = { ...good, 'x-github-delivery': `flood-signed-${i}` };
      else if (i % 2 === 0) headers = { ...wrong, 'x-github-delivery': `flood-${i}` };
      else headers = { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': `flood-${i}` };
      const response = await post(body, headers);
      const expected = i % 40 === 39 ? 202 : 401;
      if (expected === 202) signed++;
      expect(response.status).toBe(expected);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    await within(20_000, 'draining flood notifications', h.bot.drain(100));
    const growth = heapAfterGc(gc) - baseline;
    expect(statuses.get(401)).toBe(2000 - signed);
    expect(eventsSaidIn('subscribed') - sentBefore).toBe(signed);
    expect(growth, `heap grew ${(growth / 1e6).toFixed(1)} MB`).toBeLessThan((gc ? 16 : 64) * 1e6);
  });
});

/** Notifications said in `room`, a digest counting its events ("12 条新动态"). */
function eventsSaidIn(room: string): number {
  return h.sent.filter((m) => m.room === room).reduce((sum, m) => sum + Number(/(\d+) 条新动态/.exec(m.text)?.[1] ?? 1), 0);
}

function exposeGc(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function heapAfterGc(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}
