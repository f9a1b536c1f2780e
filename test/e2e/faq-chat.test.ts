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

const KB = [
  { id: 'install', questions: ['怎么安装 OSSChat？', 'How do I install OSSChat?'], answer: '运行 npm ci && npm start 即可。', url: 'https://example.com/install' },
  { id: 'login', questions: ['微信扫码登录失败怎么办？'], answer: '删除 osschat.memory-card.json 后重新扫码。' },
  { id: 'db', questions: ['支持 PostgreSQL 吗？'], answer: '支持，设置 DATABASE_URL=postgres://… 即可。' },
];

let store: Store;
let bot: Bot;
let sent: OutgoingMessage[];
let seq = 0;

beforeEach(async () => {
  store = await openStore(':memory:');
  for (const entry of KB) await store.faq.upsert({ ...entry, tags: [], source: 'import' });
  const faq = createFaqService(createFaqIndex({ segmenter: createJiebaSegmenter() }), { threshold: 0.75, margin: 0.05, cooldownMs: 60_000 }, await store.faq.list());
  sent = [];
  bot = createBot({ store, platform: 'test', log: silentLogger, send: async (m) => void sent.push(m), admins: ['admin'], commands: commandTable(), features: [faqFeature], services: { faq } });
});
afterEach(async () => {
  await bot.stop();
  await store.close();
});

async function say(text: string, extra: Partial<ChatMessageEvent> = {}): Promise<ChatMessageEvent> {
  seq += 1;
  const event: ChatMessageEvent = { type: 'message', id: `m${seq}`, room: { id: 'r1', topic: '用户群' }, from: { id: 'u1', name: '张三' }, text, kind: 'text', ts: new Date(), ...extra };
  await bot.handle(event);
  await bot.drain();
  return event;
}

describe('FAQ in chat', () => {
  it('answers a paraphrased question with the answer and its link, once per cooldown', async () => {
    await say('OSSChat 怎么安装？');
    expect(sent.map((m) => m.text)).toEqual(['运行 npm ci && npm start 即可。\nhttps://example.com/install']);
    await say('怎么安装 OSSChat？');
    expect(sent).toHaveLength(1);
    expect((await store.faq.get('install'))?.hits).toBe(1);
  });

  it('stays silent on statements and on questions the knowledge base does not answer', async () => {
    await say('我已经安装好了 OSSChat');
    await say('今天晚上吃什么？');
    await say('支持 MySQL 吗？');
    expect(sent).toEqual([]);
  });

  it('answers a direct message, or says how to ask people', async () => {
    await say('微信登录扫码失败了怎么办', { room: null });
    expect(sent[0]?.text).toContain('memory-card');
    await say('你们的吉祥物叫什么', { room: null });
    expect(sent[1]?.text).toContain('以上N条开工单');
  });

  it('records a not-helpful vote quoting the bot answer, and lowers that entry', async () => {
    await say('支持 PostgreSQL 吗？');
    const answer = sent[0]!;
    await say(answer.text, { id: 'bot-answer', self: true, from: { id: 'bot', name: 'OSSChat' } });
    await say('没用', { replyTo: 'bot-answer' });
    expect(sent[1]?.text).toContain('谢谢反馈');
    expect((await store.faq.get('db'))?.notHelpful).toBe(1);
  });

  it('lets admins add, list and remove entries from chat', async () => {
    const question = await say('机器人可以部署在 Windows 上吗？', { from: { id: 'u2', name: '李四' } });
    sent.length = 0;
    await say('加入FAQ：可以，需要 Node 20。', { from: { id: 'u9', name: 'User' }, replyTo: question.id });
    expect(sent[0]?.text).toContain('只有管理员');
    await say('加入FAQ：可以，需要 Node 20。', { from: { id: 'admin', name: 'Admin' }, replyTo: question.id });
    expect(sent[1]?.text).toMatch(/已加入 FAQ（chat-[0-9a-f]{8}）/);
    await say('Windows 上可以部署机器人吗？', { from: { id: 'u3', name: '王五' } });
    expect(sent[2]?.text).toBe('可以，需要 Node 20。');
    await say('/faq list');
    expect(sent[3]?.text).toContain('FAQ 共 4 条');
    const id = /（(chat-[0-9a-f]{8})）/.exec(sent[1]!.text)![1]!;
    await say(`/faq remove ${id}`, { from: { id: 'admin', name: 'Admin' } });
    expect(sent[4]?.text).toBe(`已从 FAQ 删除 ${id}。`);
  });
});
