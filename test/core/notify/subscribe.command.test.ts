import { afterEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/core/bot.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createSubscribeCommand, subscribeCommand, type SubscribePolicy } from '../../../src/core/notify/subscribe.command.js';
import type { ChatMessageEvent, Locale, OutgoingMessage } from '../../../src/core/types.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';

const ROOMS: Record<string, { locale?: Locale }> = { zh: {}, en: { locale: 'en' } };

interface Harness {
  bot: Bot;
  store: Store;
  sent: OutgoingMessage[];
  /** Says `text` in room `zh` (or `room`) as the admin (or `from`); returns the bot's replies to it. */
  say(text: string, options?: { room?: string; from?: string }): Promise<string[]>;
  subscriptions(room?: string): Promise<{ repo: string; features: string[]; filters: object }[]>;
}

let h: Harness;
afterEach(async () => {
  await h.bot.stop();
  await h.store.close();
});

async function harness(policy?: SubscribePolicy): Promise<Harness> {
  const store = await openStore(':memory:');
  const sent: OutgoingMessage[] = [];
  const commands = [policy ? createSubscribeCommand(policy) : subscribeCommand];
  const services = { roomSettings: (room: { externalId: string }) => ROOMS[room.externalId] ?? {} };
  const bot = createBot({ store, platform: 'test', log: silentLogger, send: async (m) => void sent.push(m), admins: ['admin'], commands, services, worker: { backoff: () => 10 } });
  let seq = 0;
  return {
    bot, store, sent,
    async say(text, { room = 'zh', from = 'admin' } = {}) {
      seq += 1;
      const event: ChatMessageEvent = { type: 'message', id: `m${seq}`, room: { id: room, topic: room }, from: { id: from, name: from }, text, kind: 'text', ts: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)) };
      await bot.handle(event);
      await bot.drain(1000);
      return sent.filter((m) => m.replyTo === event.id).map((m) => m.text);
    },
    async subscriptions(room = 'zh') {
      const found = await store.rooms.findByExternalId('test', room);
      return found ? (await store.subscriptions.ofRoom(found.id)).map(({ repo, features, filters }) => ({ repo, features, filters })) : [];
    },
  };
}

const USAGE_ZH = '用法：订阅 owner/repo [工单 PR 发布 评论 讨论] [+label:bug -label:wontfix -author:dependabot[bot] bots:off actions:opened,closed digest:daily]，例如：订阅 wechaty/wechaty 工单 发布 +label:bug';

describe('订阅 in a Chinese room', () => {
  it('subscribes with the default features and says what comes through', async () => {
    h = await harness();
    expect(await h.say('订阅 octo/hello')).toEqual(['已订阅 octo/hello：工单、PR、发布']);
    expect(await h.subscriptions()).toEqual([{ repo: 'octo/hello', features: ['issues', 'pulls', 'releases'], filters: {} }]);
    expect(h.sent[0]).toMatchObject({ room: 'zh', replyTo: 'm1' });
  });

  it('subscribes with filters', async () => {
    h = await harness();
    expect(await h.say('订阅 https://github.com/Octo/Hello +label:bug -author:dependabot[bot] bots:off')).toEqual(['已订阅 octo/hello：工单、PR、发布；只含标签 bug；不含 dependabot[bot]；不含机器人']);
    expect(await h.subscriptions()).toEqual([{ repo: 'octo/hello', features: ['issues', 'pulls', 'releases'], filters: { labels: ['bug'], excludeActors: ['dependabot[bot]'], bots: false } }]);
  });

  it('changes a subscription: features named replace, filters add up, and says when nothing changed', async () => {
    h = await harness();
    await h.say('订阅 octo/hello +label:bug');
    expect(await h.say('订阅 octo/hello 工单 评论 +label:docs actions:opened,closed digest:daily')).toEqual(['已更新订阅 octo/hello：工单（opened、closed）、评论；只含标签 bug 或 docs；每日汇总']);
    expect(await h.subscriptions()).toEqual([
      { repo: 'octo/hello', features: ['issues', 'comments'], filters: { labels: ['bug', 'docs'], actions: { issues: ['opened', 'closed'] }, digest: 'daily' } },
    ]);
    expect(await h.say('订阅 octo/hello +label:docs')).toEqual(['本群已订阅 octo/hello：工单（opened、closed）、评论；只含标签 bug 或 docs；每日汇总']);
  });

  it('unsubscribes from some features, then from the last one', async () => {
    h = await harness();
    await h.say('订阅 octo/hello 工单 发布');
    expect(await h.say('取消订阅 octo/hello 发布')).toEqual(['已取消 octo/hello 的发布。仍订阅 octo/hello：工单']);
    expect(await h.subscriptions()).toEqual([{ repo: 'octo/hello', features: ['issues'], filters: {} }]);
    expect(await h.say('退订 octo/hello 工单')).toEqual(['已取消订阅 octo/hello。']);
    expect(await h.subscriptions()).toEqual([]);
  });

  it('unsubscribes altogether, and says so when there is nothing to unsubscribe', async () => {
    h = await harness();
    await h.say('订阅 octo/hello');
    await h.say('订阅 octo/other 讨论');
    expect(await h.say('取消订阅 octo/hello')).toEqual(['已取消订阅 octo/hello。']);
    expect((await h.subscriptions()).map((s) => s.repo)).toEqual(['octo/other']);
    expect(await h.say('取消订阅 octo/hello')).toEqual(['本群没有订阅 octo/hello。发送「订阅列表」可以查看本群的订阅。']);
  });

  it('lists the room’s subscriptions to anyone', async () => {
    h = await harness();
    expect(await h.say('订阅列表', { from: 'u2' })).toEqual(['本群还没有订阅任何仓库。管理员可以发送「订阅 owner/repo」，例如：订阅 wechaty/wechaty']);
    await h.say('订阅 octo/hello -label:wontfix');
    await h.say('订阅 octo/other 发布 digest:weekly');
    expect(await h.say('订阅列表', { from: 'u2' })).toEqual(['本群的订阅：\n· octo/hello：工单、PR、发布；不含标签 wontfix\n· octo/other：发布；每周汇总']);
  });

  it('refuses members who are not admins, unless the policy lets everyone', async () => {
    h = await harness();
    expect(await h.say('订阅 octo/hello', { from: 'u2' })).toEqual(['抱歉，只有管理员可以订阅或取消订阅。发送「订阅列表」可以查看本群的订阅。\n想成为机器人管理员，请找一位管理员：他引用你的任意一条消息并发送「添加管理员」即可。']);
    expect(await h.subscriptions()).toEqual([]);
    await h.bot.stop();
    await h.store.close();
    h = await harness('everyone');
    expect(await h.say('订阅 octo/hello', { from: 'u2' })).toEqual(['已订阅 octo/hello：工单、PR、发布']);
  });

  it('answers a malformed command with the right form and a did-you-mean', async () => {
    h = await harness();
    expect(await h.say('订阅 octo/hello +lable:bug')).toEqual([`不认识筛选条件「+lable:bug」。你是不是想写「+label:bug」？\n${USAGE_ZH}`]);
    expect(await h.say('订阅 octo/hello 讨论区')).toEqual([`不认识「讨论区」。你是不是想写「讨论」？\n${USAGE_ZH}`]);
    expect(await h.subscriptions()).toEqual([]);
  });

  it('stays out of ordinary chat about subscribing', async () => {
    h = await harness();
    for (const text of ['我订阅了这个公众号', '怎么订阅 release 通知？', '取消订阅怎么弄']) expect(await h.say(text)).toEqual([]);
    await h.say('订阅 octo/hello');
    const room = await h.store.rooms.findByExternalId('test', 'zh');
    expect((await h.store.messages.recent(room!.id, 10)).map((m) => m.command)).toEqual([null, null, null, 'subscribe']);
  });
});

describe('/subscribe in an English room', () => {
  it('subscribes, changes, unsubscribes and lists', async () => {
    h = await harness();
    const say = (text: string, from = 'admin') => h.say(text, { room: 'en', from });
    expect(await say('/subscribe octo/hello +label:bug -author:dependabot[bot] bots:off')).toEqual(['Subscribed to octo/hello: issues, pulls, releases; only label bug; not by dependabot[bot]; no bots']);
    expect(await say('/subscribe octo/hello pulls releases actions:merged,published bots:on')).toEqual(['Updated the subscription to octo/hello: pulls (merged), releases (published); only label bug; not by dependabot[bot]']);
    expect(await say('/unsubscribe octo/hello +label:bug')).toEqual(['Updated the subscription to octo/hello: pulls (merged), releases (published); not by dependabot[bot]']);
    expect(await say('/unsubscribe octo/hello releases')).toEqual(['Stopped releases from octo/hello. Still subscribed to octo/hello: pulls (merged); not by dependabot[bot]']);
    expect(await h.subscriptions('en')).toEqual([{ repo: 'octo/hello', features: ['pulls'], filters: { excludeActors: ['dependabot[bot]'], actions: { pulls: ['merged'] } } }]);
    expect(await say('/subscriptions', 'u2')).toEqual(['This room is subscribed to:\n· octo/hello: pulls (merged); not by dependabot[bot]']);
    expect(await say('/unsubscribe octo/hello')).toEqual(['Unsubscribed from octo/hello.']);
    expect(await say('/subscribe list', 'u2')).toEqual(['This room is not subscribed to any repository. An admin can subscribe it with /subscribe owner/repo, e.g. /subscribe wechaty/wechaty']);
  });

  it('keeps each room’s subscriptions apart', async () => {
    h = await harness();
    await h.say('订阅 octo/hello');
    expect(await h.subscriptions('en')).toEqual([]);
    expect(await h.say('/subscriptions', { room: 'en' })).toEqual([expect.stringContaining('not subscribed to any repository')]);
  });

  it('refuses members who are not admins', async () => {
    h = await harness();
    expect(await h.say('/unsubscribe octo/hello', { room: 'en', from: 'u2' })).toEqual(['Sorry, only admins can change subscriptions. Anyone can see them with /subscriptions.\nTo become a bot admin, ask one: they quote any message of yours and say /admins add.']);
  });

  it('answers malformed commands with the right form', async () => {
    h = await harness();
    const usage = 'Usage: /subscribe owner/repo [issues pulls releases comments discussions] [+label:bug -label:wontfix -author:dependabot[bot] bots:off actions:opened,closed digest:daily], e.g. /subscribe wechaty/wechaty issues releases +label:bug';
    expect(await h.say('/subscribe', { room: 'en' })).toEqual([`Which repository? Write it as owner/repo.\n${usage}`]);
    expect(await h.say('/subscribe notarepo', { room: 'en' })).toEqual([`"notarepo" is not a repository. Write it as owner/repo or a github.com address.\n${usage}`]);
    expect(await h.say('/subscribe octo/hello isues', { room: 'en' })).toEqual([`I do not know "isues". Did you mean "issues"?\n${usage}`]);
    expect(await h.say('/unsubscribe octo/hello digest:daily', { room: 'en' })).toEqual([
      '"digest:daily" is not removed with /unsubscribe; say "/subscribe octo/hello digest:off".\nUsage: /unsubscribe owner/repo [issues pulls releases comments discussions] [+label:bug -author:login]; without features it removes the whole subscription.',
    ]);
    expect(await h.subscriptions('en')).toEqual([]);
  });
});
