import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfiguredSubscriptions } from '../../src/core/notify/accept-delivery.js';
import { DeliveryAcceptor } from '../../src/core/notify/delivery-acceptor.js';
import { createGitHubWebhookReceiver } from '../../src/forge/github/webhook-receiver.js';
import { silentLogger } from '../../src/core/logger.js';
import { createWebApp } from '../../src/web/app.js';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';
import { payloadFor, signedHeaders } from '../helpers/webhook-examples.js';

const SECRET = 'webhook-secret-for-tests';
let h: Harness;
let app: ReturnType<typeof createWebApp>;
let digestAt = new Date(Date.now() + 3_600_000);

/** The accept path as src/main.ts wires it: group commit through a DeliveryAcceptor. */
function accepting(configured?: ConfiguredSubscriptions) {
  const acceptor = new DeliveryAcceptor(h.store, { digestAt: () => digestAt, configured }, silentLogger);
  return (delivery: Parameters<DeliveryAcceptor['accept']>[0]) => acceptor.accept(delivery);
}

beforeEach(async () => {
  h = await issueHarness({ notifyLimit: { minIntervalMs: 0, perHour: 1000 } });
  app = createWebApp({
    health: { pingDatabase: async () => undefined, chatState: () => 'ready' },
    webhooks: { path: '/webhooks/github', receive: createGitHubWebhookReceiver(SECRET), accept: accepting(), wake: () => h.bot.wake(), log: silentLogger },
  });
});
afterEach(async () => h.close());

let deliveries = 0;
async function post(event: string, body: string, headers?: Record<string, string>): Promise<Response> {
  deliveries += 1;
  const signed = headers ?? (await signedHeaders(SECRET, event, `delivery-${deliveries}`, body));
  const response = await app.request('/webhooks/github', { method: 'POST', body, headers: signed });
  await h.bot.drain(100);
  return response;
}

const opened = (repo = 'octo/hello', labels: string[] = []) =>
  payloadFor('issues', 'opened', (p) => {
    p.repository.full_name = repo;
    p.issue.labels = labels.map((name, id) => ({ id, node_id: `L${id}`, url: '', name, color: 'fff', default: false, description: null }));
  });

async function subscribe(roomTopic: string, repo: string, filters = {}) {
  await h.say(`hello from ${roomTopic}`, { room: { id: roomTopic, topic: roomTopic } });
  const room = (await h.store.rooms.findByName(roomTopic))!;
  await h.store.subscriptions.upsert({ roomId: room.id, repo, features: ['issues', 'pulls', 'releases'], filters });
  return room;
}

describe('POST /webhooks/github', () => {
  it('refuses a missing or wrong signature with 401 and changes nothing', async () => {
    const body = opened();
    const right = await signedHeaders(SECRET, 'issues', 'd-x', body);
    const { ['x-hub-signature-256']: _dropped, ...unsigned } = right;
    expect((await post('issues', body, unsigned)).status).toBe(401);
    expect((await post('issues', body, { ...right, 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) })).status).toBe(401);
    expect((await post('issues', body, await signedHeaders('another-secret', 'issues', 'd-y', body))).status).toBe(401);
    expect(await h.store.deliveries.record('d-x', 'issues')).toBe(true);
  });

  it('answers malformed JSON with a valid signature 400, storing nothing', async () => {
    const response = await post('issues', '{"action": "opened",');
    expect(response.status).toBe(400);
    expect(await h.store.outbox.counts()).toMatchObject({ pending: 0, done: 0 });
  });

  it('delivers an event to the subscribed rooms only, once per delivery id', async () => {
    await subscribe('订阅群', 'octo/hello');
    await subscribe('别的群', 'octo/other');
    const body = opened();
    const headers = await signedHeaders(SECRET, 'issues', 'same-id', body);
    const first = await post('issues', body, headers);
    expect(first.status).toBe(202);
    const again = await post('issues', body, headers);
    expect(again.status).toBe(200);
    const said = h.sent.filter((m) => m.text.includes('octo/hello'));
    expect(said).toHaveLength(1);
    expect(said[0]!.room).toBe('订阅群');
  });

  it('accepts and ignores events it does not forward, and answers ping', async () => {
    await subscribe('订阅群', 'octo/hello');
    expect(await (await post('ping', payloadFor('ping', undefined as never))).json()).toMatchObject({ status: 'ping' });
    const starred = await post('star', JSON.stringify({ action: 'created', repository: { full_name: 'octo/hello' } }));
    expect(starred.status).toBe(202);
    expect(await starred.json()).toMatchObject({ status: 'ignored' });
    expect(h.sent).toEqual([]);
  });

  it('applies label filters', async () => {
    await subscribe('缺陷群', 'octo/hello', { labels: ['bug'] });
    await post('issues', opened('octo/hello', ['docs']));
    expect(h.sent).toEqual([]);
    await post('issues', opened('octo/hello', ['bug']));
    expect(h.sent).toHaveLength(1);
  });
});

describe('subscriptions from the configuration', () => {
  it('delivers to a room subscribed in osschat.yaml, unless chat changed that subscription', async () => {
    const { configuredSubscriptions } = await import('../../src/config/configured-subscriptions.js');
    const { configSchema } = await import('../../src/config/schema.js');
    const config = configSchema.parse({ rooms: [{ match: { topic: '配置群' }, subscribe: ['octo/hello issues +label:bug'] }] });
    app = createWebApp({
      health: { pingDatabase: async () => undefined, chatState: () => 'ready' },
      webhooks: { path: '/webhooks/github', receive: createGitHubWebhookReceiver(SECRET), accept: accepting(configuredSubscriptions(config)), wake: () => h.bot.wake(), log: silentLogger },
    });
    await h.say('hi', { room: { id: 'cfg', topic: '配置群' } });
    await post('issues', opened('octo/hello', ['docs']));
    expect(h.sent).toEqual([]);
    await post('issues', opened('octo/hello', ['bug']));
    expect(h.sent.map((m) => m.room)).toEqual(['cfg']);
    const room = (await h.store.rooms.findByName('配置群'))!;
    await h.store.subscriptions.upsert({ roomId: room.id, repo: 'octo/hello', features: ['issues'], filters: {} });
    await post('issues', opened('octo/hello', ['docs']));
    expect(h.sent).toHaveLength(2);
  });
});

describe('flood control and digests', () => {
  it('folds notifications that wait beyond the room limit into one digest message', async () => {
    await h.close();
    h = await issueHarness({ notifyLimit: { minIntervalMs: 150, perHour: 1000 } });
    app = createWebApp({
      health: { pingDatabase: async () => undefined, chatState: () => 'ready' },
      webhooks: { path: '/webhooks/github', receive: createGitHubWebhookReceiver(SECRET), accept: accepting(), wake: () => h.bot.wake(), log: silentLogger },
    });
    await subscribe('热闹群', 'octo/hello');
    h.sent.length = 0;
    const burst = async (count: number, tag: string) => {
      for (let i = 0; i < count; i++) {
        const body = opened();
        await app.request('/webhooks/github', { method: 'POST', body, headers: await signedHeaders(SECRET, 'issues', `${tag}-${i}`, body) });
      }
      await h.bot.drain(2000);
    };
    await burst(2, 'pair');
    expect(h.sent.map((m) => m.text.split('\n')[0])).toEqual([expect.stringMatching(/^\[octo\/hello\]/), expect.stringMatching(/^\[octo\/hello\]/)]);
    h.sent.length = 0;
    await burst(7, 'flood');
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.text).toMatch(/\[octo\/hello\] 7 条新动态/);
    expect(await h.store.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
  });

  it('holds events of a digest subscription until the digest time, then sends one summary', async () => {
    digestAt = new Date(Date.now() + 300);
    await subscribe('日报群', 'octo/hello', { digest: 'daily' });
    h.sent.length = 0;
    await post('issues', opened());
    await post('pull_request', payloadFor('pull_request', 'opened', (p) => (p.repository.full_name = 'octo/hello')));
    expect(h.sent).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await h.bot.drain(100);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.text).toMatch(/2 条新动态/);
  });
});

describe('closing the loop and two-way comments', () => {
  it('tells the group that opened an issue when it is closed, though it did not subscribe', async () => {
    await h.say('构建失败');
    await h.say('/issue 1');
    h.sent.length = 0;
    await post('issues', payloadFor('issues', 'opened', (p) => {
      p.action = 'closed';
      p.repository.full_name = 'octo/hello';
      p.issue.number = 1;
      p.issue.state = 'closed';
    }));
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.text).toContain('#1');
    expect(h.sent[0]!.text).toMatch(/本群/);
  });

  it('turns a reply to a notification, and /comment N, into attributed issue comments', async () => {
    await h.say('登录失败 @octocat');
    await h.say('/issue 1');
    await subscribe('OSSChat 开发者群', 'octo/hello');
    h.sent.length = 0;
    await post('issues', payloadFor('issues', 'opened', (p) => {
      p.repository.full_name = 'octo/hello';
      p.issue.number = 1;
      p.issue.html_url = 'https://github.com/octo/hello/issues/1';
    }));
    const notification = h.sent[0]!;
    await h.say(notification.text, { id: 'bot-1', self: true, from: { id: 'bot', name: 'OSSChat' } });
    await h.say('我来修 @octocat', { replyTo: 'bot-1', from: { id: 'u2', name: '李四' } });
    await h.say('/comment 1 已在 v2.1 修复');
    const comments = h.github.state.comments('octo/hello', 1);
    expect(comments.map((c) => c.body.split('\n')[0])).toEqual(['我来修 `@octocat`', '已在 v2.1 修复']);
    expect(comments[0]!.body).toContain('— 李四 在「OSSChat 开发者群」通过 OSSChat 发表');
    expect(h.sent.filter((m) => m.text.startsWith('已评论 #1：https://github.com/octo/hello/issues/1#issuecomment-'))).toHaveLength(2);
    expect(h.github.violations).toEqual([]);
  });

  it('does not comment twice when GitHub drops the answer', async () => {
    await h.say('问题');
    await h.say('/issue 1');
    h.github.faults.next({ dropAfter: true, match: { method: 'POST', path: /\/comments$/ } });
    await h.say('/comment 1 once only');
    expect(h.github.state.comments('octo/hello', 1)).toHaveLength(1);
    expect(h.sent[h.sent.length - 1]!.text).toMatch(/^已评论 #1/);
  });

  it('does not comment twice when GitHub writes the comment after the call timed out', async () => {
    await h.close();
    h = await issueHarness({ forgeTimeoutMs: 300, lateWriteMs: 800 });
    await h.say('问题');
    await h.say('/issue 1');
    // GitHub is slow: it writes the comment 500 ms after the request, when the bot has given up on it.
    h.github.faults.next({ delayMs: 500, match: { method: 'POST', path: /\/comments$/ } });
    await h.say('/comment 1 late but once');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(h.github.state.comments('octo/hello', 1)).toHaveLength(1);
    expect(h.sent[h.sent.length - 1]!.text).toMatch(/^已评论 #1/);
  });
});
