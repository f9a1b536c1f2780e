import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { storeFactories } from '../helpers/databases.js';

const factories = await storeFactories('poll cursor contract tests');

describe.each(factories)('Polling state on %s', (_name, factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory());
  });
  afterEach(async () => cleanup());

  it('keeps one cursor per forge and repository, whatever the case, and replaces it', async () => {
    expect(await store.polling.cursor('github', 'octo/hello')).toBeUndefined();
    await store.polling.saveCursor('github', 'Octo/Hello', { lastEventId: '41000000005', etag: 'W/"abc"' });
    await store.polling.saveCursor('gitea', 'octo/hello', { lastEventId: '7' });
    expect(await store.polling.cursor('github', 'octo/hello')).toEqual({ lastEventId: '41000000005', etag: 'W/"abc"' });
    await store.transaction((tx) => tx.polling.saveCursor('github', 'octo/hello', { lastEventId: '41000000009' }));
    expect(await store.polling.cursor('github', 'OCTO/hello')).toEqual({ lastEventId: '41000000009' });
    expect(await store.polling.cursor('gitea', 'octo/hello')).toEqual({ lastEventId: '7' });
    expect(await store.polling.polled('github')).toEqual(['octo/hello']);
  });

  it('forgets cursors of repositories no longer polled', async () => {
    for (const repo of ['octo/a', 'octo/b', 'octo/c']) await store.polling.saveCursor('github', repo, { lastEventId: '1' });
    await store.polling.forget('github', ['octo/a', 'OCTO/C']);
    await store.polling.forget('github', []);
    expect(await store.polling.polled('github')).toEqual(['octo/b']);
  });

  it('lists the repositories rooms subscribe to or opened issues in, each since the first of those', async () => {
    expect(await store.polling.targets()).toEqual([]);
    const room = await store.rooms.upsert({ platform: 'test', externalId: 'r1', kind: 'group', topic: 't' });
    const other = await store.rooms.upsert({ platform: 'test', externalId: 'r2', kind: 'group', topic: 'u' });
    const member = await store.members.upsert({ platform: 'test', externalId: 'u1', name: 'U' });
    const [command] = await store.messages.insertMany([{ roomId: room.id, senderId: member.id, platformMsgId: 'm1', kind: 'text', text: '以上一条开工单', ts: new Date(), isSelf: false }]);
    const before = Date.now();
    await store.subscriptions.upsert({ roomId: room.id, repo: 'Octo/Hello', features: ['issues'], filters: {} });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.subscriptions.upsert({ roomId: other.id, repo: 'octo/hello', features: ['issues'], filters: {} });
    await store.issueLinks.insert({ roomId: room.id, repo: 'Octo/Linked', issueNumber: 1, issueUrl: 'https://github.com/Octo/Linked/issues/1', title: 't', commandMessageId: command!.id, firstMessageId: null, lastMessageId: null, messageCount: 0 });
    const targets = await store.polling.targets();
    expect(targets.map((target) => target.repo)).toEqual(['octo/hello', 'octo/linked']);
    const hello = targets[0]!.since.getTime();
    expect(hello).toBeGreaterThanOrEqual(before);
    expect(hello).toBeLessThan(before + 300);
  });
});
