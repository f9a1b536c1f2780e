import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { mock } from 'wechaty-puppet-mock';
import { createBot, type Bot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import type { OutgoingMessage } from '../../src/core/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { mockWechat } from '../helpers/mock-wechat.js';

// Issue 14, item 1: the Wechaty adapter reports who owns and who administers the group, and only they redeem a bind code.
describe('bind codes in a WeChat group (puppet-mock): the owner and admins from the room', () => {
  const { mocker, adapter, self, start } = mockWechat();
  const [owner, admin, member] = ['群主', '管理员', '群友'].map((name) => mocker.createContact({ name })) as [mock.ContactMock, mock.ContactMock, mock.ContactMock];
  const room = mocker.createRoom({ topic: '私有群', memberIdList: [self.id, owner.id, admin.id, member.id], ownerId: owner.id, adminIdList: [admin.id] });
  const sent: OutgoingMessage[] = [];
  let store: Store;
  let bot: Bot;

  beforeAll(async () => {
    store = await openStore(':memory:');
    bot = createBot({ store, platform: adapter.platform, send: async (m) => void sent.push(m), log: silentLogger });
    bot.start();
    await start(async (event) => void (await bot.handle(event)));
  });
  afterAll(async () => {
    await adapter.stop();
    await bot.stop();
    await store.close();
  });

  async function code(): Promise<string> {
    const tenant = await store.tenants.ensureAccount('acme', 'org', 'acme');
    return (await store.tenants.createBindCode(tenant.id, 'acme/repo', 'acme', 60_000)).code;
  }

  async function roleOf(contactId: string) {
    const roomRow = (await store.rooms.findByExternalId('wechat', room.id))!;
    const memberRow = (await store.members.upsert({ platform: 'wechat', externalId: contactId }))!;
    return store.members.roleIn(roomRow.id, memberRow.id);
  }

  async function says(contact: mock.ContactMock, text: string): Promise<string> {
    const before = sent.length;
    contact.say(text).to(room);
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(before), { timeout: 5000 });
    return sent.at(-1)!.text;
  }

  it('refuses a plain member; the group\'s admin and owner may redeem', async () => {
    const first = await code();
    expect(await says(member, `绑定 ${first}`)).toBe('抱歉，只有群主、群管理员或机器人管理员可以使用「bind-code」。\n机器人还没有管理员：运行机器人的终端里显示了一个认领码，发送「认领 认领码」即可成为管理员（在那台机器上执行 osschat admins code 可以生成新的）。');
    expect(await roleOf(member.id)).toBe('member');
    expect(await store.tenants.tenantOfRoom((await store.rooms.findByExternalId('wechat', room.id))!.id)).toBeNull();
    expect(await says(admin, `绑定 ${first}`)).toContain('绑定成功');
    expect(await roleOf(admin.id)).toBe('admin');
    expect(await says(owner, '/archive on')).toContain('本群已公开存档');
    expect(await roleOf(owner.id)).toBe('owner');
  });
});
