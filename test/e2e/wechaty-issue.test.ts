import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBot, type Bot } from '../../src/core/bot.js';
import { DEFAULT_ISSUE_SETTINGS } from '../../src/core/default-services.js';
import { silentLogger } from '../../src/core/logger.js';
import { createGitHubForge } from '../../src/forge/github/github-forge.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { mockWechat } from '../helpers/mock-wechat.js';

const TOPIC = 'OSSChat 开发者群';
const SEP = '- - - - - - - - - - - - - - -';

describe('chat → issue through Wechaty (puppet-mock)', () => {
  const { mocker, adapter, self, start } = mockWechat();
  const [alice, bob] = [mocker.createContact({ name: '张三' }), mocker.createContact({ name: '李四' })];
  const room = mocker.createRoom({ topic: TOPIC, memberIdList: [self.id, alice.id, bob.id] });
  const roomSays: string[] = [];
  let github: GitHubServer;
  let store: Store;
  let bot: Bot;

  beforeAll(async () => {
    github = await createGitHubServer({ repos: ['octo/hello'] });
    store = await openStore(':memory:');
    const forge = createGitHubForge({ apiUrl: github.url, token: 'test-token', log: silentLogger, throttle: false, retryAfterBaseValue: 5 });
    bot = createBot({
      store, platform: adapter.platform, send: (m) => adapter.say(m), log: silentLogger,
      services: { forge, issues: DEFAULT_ISSUE_SETTINGS, roomSettings: (r) => (r.topic === TOPIC ? { repo: 'octo/hello' } : {}), botNames: ['OSSChat'], version: 'test' },
    });
    bot.start();
    await start(async (event) => {
      if (event.type === 'message' && event.self) roomSays.push(event.text);
      await bot.handle(event);
    });
  });
  afterAll(async () => {
    await adapter.stop();
    await bot.stop();
    await store.close();
    await github.close();
  });

  it('opens an issue from 以上N条开工单 and says the link in the group', async () => {
    alice.say('升级后 webhook 收不到了').to(room);
    bob.say('@octocat 你们那边也这样吗').to(room);
    await vi.waitFor(async () => expect(await store.messages.count()).toBe(2));
    alice.say('以上两条开工单').to(room);
    await vi.waitFor(() => expect(roomSays.some((text) => text.startsWith('已创建工单 #1'))).toBe(true), { timeout: 5000 });
    const [issue] = github.state.issues('octo/hello');
    expect(issue!.title).toBe('升级后 webhook 收不到了');
    expect(issue!.body).toContain('**张三**');
    expect(issue!.body).toContain('`@octocat`');
    expect(github.violations).toEqual([]);
  });

  it('opens an issue from a WeChat quote replied with 开工单', async () => {
    bob.say('文档里的安装命令少了一个参数').to(room);
    await vi.waitFor(async () => expect((await store.rooms.list()).length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 100));
    alice.say(`「李四：文档里的安装命令少了一个参数」\n${SEP}\n开工单`).to(room);
    await vi.waitFor(() => expect(roomSays.some((text) => text.startsWith('已创建工单 #2'))).toBe(true), { timeout: 5000 });
    expect(github.state.issue('octo/hello', 2)?.body).toContain('文档里的安装命令少了一个参数');
    expect(github.state.issue('octo/hello', 2)?.body).not.toContain('webhook');
  });
});
