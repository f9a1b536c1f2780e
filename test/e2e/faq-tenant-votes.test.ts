import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/core/bot.js';
import { commandTable } from '../../src/core/commands/registry.js';
import { createFaqIndex } from '../../src/core/faq/index.js';
import { createFaqService } from '../../src/core/faq/faq-service.js';
import { faqFeature } from '../../src/core/faq/faq.feature.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ChatMessageEvent, OutgoingMessage } from '../../src/core/types.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

// Issue 14, items 12 and 19: `/faq list` and votes read every tenant's entries; one member could vote without limit.
let store: Store;
let bot: Bot;
let sent: OutgoingMessage[];
let seq = 0;
let tenants: { alpha: number; beta: number };

async function tenantWithRoom(login: string, roomId: string): Promise<number> {
  const tenant = await store.tenants.ensureAccount(login, 'org', login);
  const room = await store.rooms.upsert({ platform: 'test', externalId: roomId, kind: 'group', topic: `${login} 群` });
  const { code } = await store.tenants.createBindCode(tenant.id, `${login}/repo`, login, 60_000);
  await store.tenants.redeemBindCode(code, room.id);
  return tenant.id;
}

beforeEach(async () => {
  store = await openStore(':memory:');
  tenants = { alpha: await tenantWithRoom('alpha', 'r-alpha'), beta: await tenantWithRoom('beta', 'r-beta') };
  const kb = [
    { id: 'install', questions: ['怎么安装 OSSChat？'], answer: '运行 npm ci && npm start 即可。' },
    { id: `t${tenants.alpha}-price`, questions: ['alpha 企业版多少钱？'], answer: 'alpha 内部报价：每年 9 万。' },
    { id: `t${tenants.beta}-vpn`, questions: ['beta 的 VPN 怎么连？'], answer: 'beta 内网 VPN 密码在飞书文档里。' },
  ];
  for (const entry of kb) await store.faq.upsert({ ...entry, tags: [], source: 'import' });
  const faq = createFaqService(createFaqIndex({ segmenter: createJiebaSegmenter() }), { threshold: 0.75, margin: 0.05, cooldownMs: 60_000 }, await store.faq.list());
  sent = [];
  bot = createBot({ store, platform: 'test', log: silentLogger, send: async (m) => void sent.push(m), commands: commandTable(), features: [faqFeature], services: { faq } });
});
afterEach(async () => {
  await bot.stop();
  await store.close();
});

async function say(room: string, text: string, extra: Partial<ChatMessageEvent> = {}): Promise<ChatMessageEvent> {
  seq += 1;
  const event: ChatMessageEvent = { type: 'message', id: `m${seq}`, room: { id: room }, from: { id: 'u1', name: '张三' }, text, kind: 'text', ts: new Date(), ...extra };
  await bot.handle(event);
  await bot.drain();
  return event;
}

/** The bot's own message in the room (as the chat platform echoes it back), for a member to quote. */
const botSaid = (room: string, text: string) => say(room, text, { self: true, from: { id: 'bot', name: 'OSSChat' } });
const notHelpful = async (id: string) => (await store.faq.get(id))!.notHelpful;

describe('FAQ in a tenant\'s room', () => {
  it('/faq list shows the shared entries and the room\'s own tenant\'s, never another tenant\'s', async () => {
    await say('r-alpha', '/faq list');
    expect(sent.at(-1)?.text).toBe(`FAQ 共 2 条：\ninstall: 怎么安装 OSSChat？ (0)\nt${tenants.alpha}-price: alpha 企业版多少钱？ (0)`);
    await say('r-nobody', '/faq list');
    expect(sent.at(-1)?.text).toBe('FAQ 共 1 条：\ninstall: 怎么安装 OSSChat？ (0)');
    expect(sent.map((m) => m.text).join('\n')).not.toContain('beta');
  });

  it('a vote in one tenant\'s room never touches another tenant\'s entry', async () => {
    const bait = await botSaid('r-alpha', 'beta 内网 VPN 密码在飞书文档里。');
    await say('r-alpha', '没用', { replyTo: bait.id });
    expect(await notHelpful(`t${tenants.beta}-vpn`)).toBe(0);
    expect(sent).toEqual([]);
  });
});

describe('one vote per member per answer', () => {
  it('the same member voting ten times changes the score once; a second member once more', async () => {
    const answer = await botSaid('r-alpha', '运行 npm ci && npm start 即可。');
    for (let i = 0; i < 10; i++) await say('r-alpha', i % 2 ? '没用' : 'wrong', { replyTo: answer.id });
    expect(await notHelpful('install')).toBe(1);
    expect(sent.filter((m) => m.text.includes('谢谢反馈'))).toHaveLength(1);
    const again = await botSaid('r-beta', '运行 npm ci && npm start 即可。');
    await say('r-beta', '没用', { replyTo: again.id });
    expect(await notHelpful('install')).toBe(1);
    await say('r-alpha', '没用', { replyTo: answer.id, from: { id: 'u2', name: '李四' } });
    expect(await notHelpful('install')).toBe(2);
  });
});
