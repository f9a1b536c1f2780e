import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { storeFactories } from '../helpers/databases.js';

const factories = await storeFactories('store contract tests');

describe.each(factories)('Store on %s', (_name, factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory());
  });
  afterEach(async () => cleanup());

  async function roomAndMember() {
    const room = await store.rooms.upsert({ platform: 'wechat', externalId: 'r1@chatroom', kind: 'group', topic: 'OSSChat 开发者群' });
    const member = await store.members.upsert({ platform: 'wechat', externalId: 'wxid_a', name: '张三' });
    return { room, member };
  }

  function message(roomId: number, senderId: number, id: string, text = `text ${id}`, ts = new Date('2026-11-24T02:00:00Z')) {
    return { roomId, senderId, platformMsgId: id, kind: 'text' as const, text, ts, isSelf: false };
  }

  it('is migrated and answers', async () => {
    await store.ping();
    expect(await store.pendingMigrations()).toEqual([]);
  });

  it('upserts rooms and tracks topic changes', async () => {
    const { room } = await roomAndMember();
    const again = await store.rooms.upsert({ platform: 'wechat', externalId: 'r1@chatroom', kind: 'group', topic: 'OSSChat 开发者群' });
    expect(again.id).toBe(room.id);
    const renamed = await store.rooms.upsert({ platform: 'wechat', externalId: 'r1@chatroom', kind: 'group', topic: 'OSSChat 用户群' });
    expect(renamed).toMatchObject({ id: room.id, topic: 'OSSChat 用户群', kind: 'group', archivePublic: false, repo: null });
    expect((await store.rooms.topicHistory(room.id)).map((entry) => entry.topic)).toEqual(['OSSChat 开发者群', 'OSSChat 用户群']);
    expect((await store.rooms.findByName('OSSChat 用户群'))?.id).toBe(room.id);
    expect((await store.rooms.findByName('r1@chatroom'))?.id).toBe(room.id);
    expect(await store.rooms.findByName('OSSChat 开发者群')).toBeUndefined();
  });

  it('keeps the same platform id apart across platforms and updates member names', async () => {
    const a = await store.members.upsert({ platform: 'wechat', externalId: 'u1', name: 'A' });
    const b = await store.members.upsert({ platform: 'slack', externalId: 'u1', name: 'B' });
    expect(a.id).not.toBe(b.id);
    const renamed = await store.members.upsert({ platform: 'wechat', externalId: 'u1', name: 'A2' });
    expect(renamed).toMatchObject({ id: a.id, name: 'A2' });
    expect((await store.members.findById(a.id))?.name).toBe('A2');
  });

  it('stores a message once, however often it is delivered', async () => {
    const { room, member } = await roomAndMember();
    const [first] = await store.messages.insertMany([message(room.id, member.id, 'm1', '安装失败了')]);
    expect(first).toMatchObject({ platformMsgId: 'm1', text: '安装失败了', kind: 'text', isSelf: false, recalledAt: null });
    expect(first!.ts.toISOString()).toBe('2026-11-24T02:00:00.000Z');
    const again = await store.messages.insertMany([message(room.id, member.id, 'm1'), message(room.id, member.id, 'm2'), message(room.id, member.id, 'm2')]);
    expect(again[0]).toBeUndefined();
    expect(again[1]?.platformMsgId).toBe('m2');
    expect(again[2]).toBeUndefined();
    expect(await store.messages.count(room.id)).toBe(2);
  });

  it('returns inside a transaction exactly what it stored', async () => {
    const { room, member } = await roomAndMember();
    const input = { ...message(room.id, member.id, 'm1', '事务里'), replyTo: 'm0', command: 'issue', isSelf: true, kind: 'image' as const };
    const [stored, duplicate] = await store.transaction((tx) => tx.messages.insertMany([input, input]));
    expect(duplicate).toBeUndefined();
    expect(stored).toEqual(await store.messages.findById(stored!.id));
    expect(stored).toMatchObject({ replyTo: 'm0', command: 'issue', isSelf: true, kind: 'image', text: '事务里' });
    const [again] = await store.transaction((tx) => tx.messages.insertMany([input]));
    expect(again).toBeUndefined();
  });

  it('inserts batches larger than one statement', async () => {
    const { room, member } = await roomAndMember();
    const inputs = Array.from({ length: 1203 }, (_, i) => message(room.id, member.id, `m${i}`, `text ${i}`, new Date(1_700_000_000_000 + i)));
    const stored = await store.messages.insertMany(inputs);
    expect(stored.every(Boolean)).toBe(true);
    expect(await store.messages.count()).toBe(1203);
  });

  it('recalls and edits, keeping the history', async () => {
    const { room, member } = await roomAndMember();
    const [stored] = await store.messages.insertMany([message(room.id, member.id, 'm1', 'v1')]);
    expect(await store.messages.edit(room.id, 'm1', 'v2', new Date('2026-11-24T03:00:00Z'))).toBe(true);
    expect(await store.messages.edit(room.id, 'm1', 'v3', new Date('2026-11-24T04:00:00Z'))).toBe(true);
    expect(await store.messages.edit(room.id, 'missing', 'x', new Date())).toBe(false);
    expect(await store.messages.recall(room.id, 'm1', new Date('2026-11-24T05:00:00Z'))).toBe(true);
    expect(await store.messages.recall(room.id, 'missing', new Date())).toBe(false);
    const now = await store.messages.findByPlatformId(room.id, 'm1');
    expect(now).toMatchObject({ text: 'v3', editedAt: new Date('2026-11-24T04:00:00Z'), recalledAt: new Date('2026-11-24T05:00:00Z') });
    expect((await store.messages.revisions(stored!.id)).map((revision) => revision.text)).toEqual(['v1', 'v2']);
  });

  it('finds recent messages, quoted messages, and streams a room in time order', async () => {
    const { room, member } = await roomAndMember();
    const times = [5, 1, 3, 2, 4].map((minute) => new Date(Date.UTC(2026, 10, 24, 2, minute)));
    await store.messages.insertMany(times.map((ts, i) => message(room.id, member.id, `m${i}`, `t${ts.getUTCMinutes()}`, ts)));
    expect((await store.messages.recent(room.id, 2)).map((m) => m.text)).toEqual(['t4', 't5']);
    const streamed: string[] = [];
    for await (const m of store.messages.streamRoom(room.id, 2)) streamed.push(m.text);
    expect(streamed).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect((await store.messages.findQuoted(room.id, '张三', 't3'))?.platformMsgId).toBe('m2');
    expect(await store.messages.findQuoted(room.id, '李四', 't3')).toBeUndefined();
  });

  it('stores conversations with messages, finds a conversation, and places a room again', async () => {
    const { room, member } = await roomAndMember();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 2, minute));
    await store.messages.insertMany([
      { ...message(room.id, member.id, 'a1', 'webhook 401', at(1)), conversationId: 'a1' },
      { ...message(room.id, member.id, 'b1', '发布时间？', at(2)), conversationId: 'b1' },
      { ...message(room.id, member.id, 'a2', 'secret 对吗', at(3)), conversationId: 'a1', threadParent: 'a1' },
      { ...message(room.id, member.id, 'a3', '对的', at(4)), conversationId: 'a1', threadParent: 'a2' },
    ]);
    const last = (await store.messages.findByPlatformId(room.id, 'a3'))!;
    expect(last).toMatchObject({ conversationId: 'a1', threadParent: 'a2' });
    expect((await store.messages.inConversation(room.id, 'a1', last.id + 1, 10)).map((m) => m.text)).toEqual(['webhook 401', 'secret 对吗', '对的']);
    expect((await store.messages.inConversation(room.id, 'a1', last.id, 1)).map((m) => m.text)).toEqual(['secret 对吗']);
    await store.messages.setThreads(room.id, [{ platformMsgId: 'b1', conversationId: 'a1', threadParent: 'a1' }]);
    expect(await store.messages.findByPlatformId(room.id, 'b1')).toMatchObject({ conversationId: 'a1', threadParent: 'a1' });
    expect(await store.messages.inConversation(room.id, 'a1', last.id + 1, 10)).toHaveLength(4);
  });

  it('rolls back a failed transaction whole', async () => {
    const { room, member } = await roomAndMember();
    await expect(
      store.transaction(async (tx) => {
        await tx.messages.insertMany([message(room.id, member.id, 'm1')]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.messages.count()).toBe(0);
    await store.transaction((tx) => tx.messages.insertMany([message(room.id, member.id, 'm1')]));
    expect(await store.messages.count()).toBe(1);
  });

  it('runs outbox jobs once per idempotency key, with leases and retries', async () => {
    const job = await store.outbox.enqueue({ kind: 'say', payload: { text: '你好' }, idempotencyKey: 'k1' });
    const duplicate = await store.outbox.enqueue({ kind: 'say', payload: { text: 'other' }, idempotencyKey: 'k1' });
    expect(duplicate.id).toBe(job.id);
    expect(duplicate.payload).toEqual({ text: '你好' });
    const now = new Date();
    const [claimed] = await store.outbox.claimDue(now, 10, 30_000);
    expect(claimed).toMatchObject({ id: job.id, status: 'running', attempts: 1 });
    expect(await store.outbox.claimDue(now, 10, 30_000)).toEqual([]);
    // The lease ran out (the worker died): the job is due again.
    const [reclaimed] = await store.outbox.claimDue(new Date(now.getTime() + 31_000), 10, 30_000);
    expect(reclaimed).toMatchObject({ id: job.id, attempts: 2 });
    await store.outbox.fail(job.id, 'GitHub answered 502', new Date(now.getTime() + 60_000));
    expect(await store.outbox.claimDue(new Date(now.getTime() + 59_000), 10, 30_000)).toEqual([]);
    const [retried] = await store.outbox.claimDue(new Date(now.getTime() + 61_000), 10, 30_000);
    expect(retried).toMatchObject({ attempts: 3, lastError: 'GitHub answered 502' });
    await store.outbox.complete(job.id);
    await store.outbox.enqueue({ kind: 'say', payload: {}, idempotencyKey: 'k2' });
    const [second] = await store.outbox.claimDue(new Date(), 10, 1000);
    await store.outbox.fail(second!.id, 'invalid repository', null);
    expect(await store.outbox.counts()).toEqual({ pending: 0, running: 0, done: 1, failed: 1 });
  });

  it('adds an outbox job once per idempotency key without reading it back', async () => {
    const runAt = new Date(Date.now() + 60_000);
    expect(await store.outbox.add({ kind: 'notify', payload: { n: 1 }, idempotencyKey: 'a1', runAt })).toBe(true);
    expect(await store.transaction((tx) => tx.outbox.add({ kind: 'notify', payload: { n: 2 }, idempotencyKey: 'a1' }))).toBe(false);
    const [job] = await store.outbox.list();
    expect(job).toMatchObject({ kind: 'notify', payload: { n: 1 }, idempotencyKey: 'a1', roomId: null, status: 'pending', attempts: 0, nextAttemptAt: runAt });
    expect((await store.outbox.enqueue({ kind: 'notify', payload: {}, idempotencyKey: 'a1' })).id).toBe(job!.id);
    const { room } = await roomAndMember();
    expect(await store.transaction((tx) => tx.outbox.add({ kind: 'digest', payload: { n: 3 }, idempotencyKey: 'a2', roomId: room.id, runAt }))).toBe(true);
    expect((await store.outbox.list())[1]).toMatchObject({ kind: 'digest', payload: { n: 3 }, idempotencyKey: 'a2', roomId: room.id, status: 'pending', attempts: 0, nextAttemptAt: runAt, lastError: null });
  });

  it('keeps one subscription per room and repository, found from either side', async () => {
    const { room } = await roomAndMember();
    const other = await store.rooms.upsert({ platform: 'wechat', externalId: 'r2', kind: 'group' });
    const first = await store.subscriptions.upsert({ roomId: room.id, repo: 'Octo/Hello', features: ['issues'], filters: {} });
    const changed = await store.subscriptions.upsert({ roomId: room.id, repo: 'octo/hello', features: ['issues', 'pulls'], filters: { labels: ['bug'], bots: false } });
    expect(changed).toEqual({ id: first.id, roomId: room.id, repo: 'octo/hello', features: ['issues', 'pulls'], filters: { labels: ['bug'], bots: false } });
    await store.subscriptions.upsert({ roomId: other.id, repo: 'octo/hello', features: ['releases'], filters: {} });
    await store.subscriptions.upsert({ roomId: room.id, repo: 'octo/other', features: ['issues'], filters: {} });
    expect((await store.subscriptions.ofRepo('OCTO/hello')).map((s) => s.roomId)).toEqual([room.id, other.id]);
    expect(await store.transaction((tx) => tx.subscriptions.ofRepo('OCTO/hello'))).toEqual(await store.subscriptions.ofRepo('octo/hello'));
    expect((await store.subscriptions.ofRoom(room.id)).map((s) => s.repo)).toEqual(['octo/hello', 'octo/other']);
    expect(await store.subscriptions.remove(room.id, 'octo/hello')).toBe(true);
    expect(await store.subscriptions.remove(room.id, 'octo/hello')).toBe(false);
    expect((await store.subscriptions.ofRepo('octo/hello')).map((s) => s.roomId)).toEqual([other.id]);
  });

  it('records a webhook delivery once', async () => {
    expect(await store.deliveries.record('d-1', 'issues')).toBe(true);
    expect(await store.deliveries.record('d-1', 'issues')).toBe(false);
    expect(await store.transaction((tx) => tx.deliveries.record('d-2', 'ping'))).toBe(true);
    expect(await store.transaction((tx) => tx.deliveries.record('d-1', 'issues'))).toBe(false);
    expect(await store.deliveries.record('d-2', 'ping')).toBe(false);
  });

  it('stores text with NUL (U+0000) or a lone surrogate as U+FFFD, the same on both databases, losing nothing else', async () => {
    const nul = (text: string) => text.replaceAll('0', '\u0000');
    const room = await store.rooms.upsert({ platform: 'wechat', externalId: nul('r0'), kind: 'group', topic: nul('群0') });
    const member = await store.members.upsert({ platform: 'wechat', externalId: nul('u0'), name: nul('张0') });
    expect(room.topic).toBe('群\uFFFD');
    expect(member.name).toBe('张\uFFFD');
    expect((await store.rooms.findByExternalId('wechat', nul('r0')))?.id).toBe(room.id);
    const [plain] = await store.messages.insertMany([message(room.id, member.id, nul('m0'), nul('a0b\ud800c'))]);
    const [inTx] = await store.transaction((tx) => tx.messages.insertMany([message(room.id, member.id, nul('t0'), nul('x0y'))]));
    expect(plain).toMatchObject({ platformMsgId: 'm\uFFFD', text: 'a\uFFFDb\uFFFDc' });
    expect(inTx).toMatchObject({ platformMsgId: 't\uFFFD', text: 'x\uFFFDy' });
    expect(await store.messages.findByPlatformId(room.id, nul('t0'))).toEqual(inTx);
    expect(await store.messages.edit(room.id, nul('m0'), nul('edited 0'), new Date('2026-11-24T03:00:00Z'))).toBe(true);
    expect((await store.messages.findById(plain!.id))?.text).toBe('edited \uFFFD');
    await store.faq.upsert({ id: nul('f0'), questions: [nul('q0')], answer: nul('a0'), tags: [], source: 'import' });
    expect(await store.faq.get(nul('f0'))).toMatchObject({ id: 'f\uFFFD', answer: 'a\uFFFD' });
  });

  it('keeps FAQ entries idempotent by id, with hits, votes and answers per room', async () => {
    const { room, member } = await roomAndMember();
    const entry = { id: 'install', questions: ['怎么安装？', 'how to install'], answer: 'npm ci && npm start', url: 'https://example.com/docs', tags: ['setup'], source: 'import' as const };
    expect(await store.faq.upsert(entry)).toBe('created');
    expect(await store.faq.upsert(entry)).toBe('unchanged');
    expect(await store.faq.upsert({ ...entry, answer: 'npm ci' })).toBe('updated');
    await store.faq.countHit('install');
    expect(await store.faq.vote('install', member.id, false)).toBe(true);
    expect(await store.faq.get('install')).toMatchObject({ questions: ['怎么安装？', 'how to install'], answer: 'npm ci', url: 'https://example.com/docs', tags: ['setup'], hits: 1, helpful: 0, notHelpful: 1 });
    expect(await store.faq.lastAnswer(room.id, 'install')).toBeUndefined();
    await store.faq.recordAnswer(room.id, 'install', '怎么装');
    expect(await store.faq.lastAnswer(room.id, 'install')).toBeInstanceOf(Date);
    expect((await store.faq.list()).map((e) => e.id)).toEqual(['install']);
    expect(await store.faq.remove('install')).toBe(true);
    expect(await store.faq.get('install')).toBeUndefined();
  });
});
