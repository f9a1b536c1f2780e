import { afterEach, describe, expect, it } from 'vitest';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

// Issue 14, item 4: `/comment owner/repo#N` posted to any repository from any room, even unbound ones.
let h: Harness;
afterEach(async () => {
  expect(h.github.violations).toEqual([]);
  await h.close();
});

const unbound = { room: { id: 'r2', topic: '闲聊群' } };
const commentsOn = (repo: string) => h.github.state.comments(repo, 1);

async function start(options: Parameters<typeof issueHarness>[0] = {}): Promise<Harness> {
  h = await issueHarness(options);
  for (const repo of ['octo/hello', 'octo/other']) h.github.state.addIssue(repo, { title: `${repo} issue`, user: 'octocat' });
  return h;
}

async function subscribe(roomExternalId: string, repo: string): Promise<void> {
  const room = (await h.store.rooms.findByExternalId('test', roomExternalId))!;
  await h.store.subscriptions.upsert({ roomId: room.id, repo, features: ['issues'], filters: {} });
}

describe('/comment reaches only the room\'s own repositories', () => {
  it('refuses another repository from a bound room, and anything from an unbound one, with the reason', async () => {
    await start();
    await h.say('/comment octo/other#1 我来接管', { from: { id: 'mallory', name: 'Mallory' } });
    expect(h.sent.at(-1)?.text).toBe('本群只能评论 octo/hello 的工单和 PR；octo/other 不在其中。');
    await h.say('评论 octo/other#1：我来接管', { ...unbound, from: { id: 'mallory', name: 'Mallory' } });
    expect(h.sent.at(-1)?.text).toBe('本群还没有绑定仓库。请管理员发送「绑定 owner/repo」，例如：绑定 wechaty/wechaty');
    await h.say('/comment 1 hi', unbound);
    expect(commentsOn('octo/other')).toEqual([]);
    expect(commentsOn('octo/hello')).toEqual([]);

    await h.say('/comment 1 已修复');
    await h.say('/comment Octo/Hello#1 名字大小写不同也是本群的仓库');
    expect(commentsOn('octo/hello').map((c) => c.body.split('\n')[0])).toEqual(['已修复', '名字大小写不同也是本群的仓库']);
  });

  it('a subscribed repository only when notify.commentOnSubscribed is on', async () => {
    await start();
    await h.say('大家好');
    await subscribe('r1', 'octo/other');
    await h.say('/comment octo/other#1 订阅的仓库');
    expect(h.sent.at(-1)?.text).toContain('octo/other 不在其中');
    expect(commentsOn('octo/other')).toEqual([]);
    await h.close();

    await start({ services: { commentOnSubscribed: true }, rooms: { r1: { locale: 'en' } } });
    await h.say('hello');
    await subscribe('r1', 'octo/other');
    await h.say('/comment octo/hello#1 not subscribed, not bound');
    expect(h.sent.at(-1)?.text).toBe('This room may comment only on octo/other; octo/hello is not one of them.');
    await h.say('/comment 1 the only repository the room reaches');
    expect(commentsOn('octo/other').map((c) => c.body.split('\n')[0])).toEqual(['the only repository the room reaches']);
    expect(commentsOn('octo/hello')).toEqual([]);
  });

  it('needs the same permission as opening issues', async () => {
    await start({ issues: { allow: 'members', members: ['u-dev'] } });
    await h.say('/comment 1 路人评论', { from: { id: 'stranger', name: '路人' } });
    expect(h.sent.at(-1)?.text).toBe('抱歉，本群没有权限通过机器人评论。\n机器人还没有管理员：运行机器人的终端里显示了一个认领码，发送「认领 认领码」即可成为管理员（在那台机器上执行 osschat admins code 可以生成新的）。');
    expect(commentsOn('octo/hello')).toEqual([]);
    await h.say('/comment 1 开发者评论', { from: { id: 'u-dev', name: '开发者' } });
    expect(commentsOn('octo/hello')).toHaveLength(1);
  });
});
