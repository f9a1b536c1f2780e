import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchivePrivacy } from '../../src/core/archive/archive-privacy.js';
import type { ChatMessageEvent } from '../../src/core/types.js';
import { loadConfig } from '../../src/config/load.js';
import { createWebApp } from '../../src/web/app.js';
import { storeArchiveSource } from '../../src/web/routes/archive-source.js';
import { storeReportSource } from '../../src/web/routes/report.js';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

const health = { pingDatabase: async () => undefined, chatState: () => 'ready' };
const config = loadConfig({ env: {} });

const ZHANG = { id: 'wxid_zhangsan01', name: '张三' };
const ALICE = { id: 'wxid_alice0001', name: 'Alice Johnson' };
const LI = { id: 'wxid_lisi000001', name: '李四' }; // opts out
const ZHAO = { id: 'wxid_zhaoliu001', name: '赵六' }; // recalls a message

/** What must appear on no public page: personal data, the opted-out member, the recalled message, platform ids. */
const FORBIDDEN = [
  '张三', 'Alice Johnson', 'Johnson', '李四', '李*', 'lisi-only-topic', '13812345678', '138 1234 5678', 'zhangsan@example.com', 'wangwu_88',
  'wxid_secret99', 'recalled-secret', '13912345678', 'zhang_wx_01', '不公开我的消息', ZHANG.id, ALICE.id, LI.id, ZHAO.id,
];

describe('/report/ROOM applies the archive privacy rules', () => {
  let h: Harness;
  let seq = 0;
  const say = (from: { id: string; name: string }, text: string, extra: Partial<ChatMessageEvent> = {}) =>
    h.say(text, { id: `p${++seq}`, from, ts: new Date(Date.UTC(2026, 10, 24, 2, seq)), ...extra });

  beforeEach(async () => {
    h = await issueHarness();
    await say(ZHANG, '请问 wechaty 安装失败怎么办？我的手机 13812345678，邮箱 zhangsan@example.com');
    await say(ALICE, '@张三 升级 Node 吧，有问题加我微信号: wangwu_88 或 wxid_secret99');
    await say(LI, '李四的 lisi-only-topic lisi-only-topic 怎么配置 webhook？');
    await say(LI, '不公开我的消息');
    await say(ZHAO, 'recalled-secret recalled-secret 为什么部署失败？');
    await h.bot.handle({ type: 'recall', id: `p${seq}`, room: { id: 'r1' }, ts: new Date(Date.UTC(2026, 10, 24, 3)) });
    await say(ZHANG, 'webhook 配置好了吗？wechaty 安装还是失败，联系我 13912345678 或微信号: zhang_wx_01');
    await say({ id: 'wxid_other', name: '另一个群的人' }, '私密群的 private-room-words 怎么办？', { room: { id: 'r2', topic: '内部私密群' } });
    const room = (await h.store.rooms.findByExternalId('test', 'r1'))!;
    await h.store.archive.setRoomPublic(room.id, true);
  });
  afterEach(async () => h.close());

  it('shows none of the hidden names, ids, numbers, addresses or messages, in tables or chart data; a private room is 404', async () => {
    const app = createWebApp({ health, report: storeReportSource(h.store, config) });
    const response = await app.request(`/report/${encodeURIComponent('OSSChat 开发者群')}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const island = JSON.parse(html.match(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/)![1]!) as { members: { name: string }[] };
    // The page without the charting library (a megabyte of code that holds no chat text).
    const page = `${html.replace(/<script>[\s\S]*?<\/script>/g, '')}\n${JSON.stringify(island)}`;
    expect(FORBIDDEN.filter((secret) => html.includes(secret) || page.includes(secret))).toEqual([]);
    // What the archive shows is there, the archive's way: initials, redaction marks.
    expect(island.members.map((m) => m.name).sort()).toEqual(['A.J.', '张*']);
    expect(page.includes('[phone]') && page.includes('[wechat-id]') && page.includes('wechaty')).toBe(true);
    expect((await app.request(`/report/${encodeURIComponent('内部私密群')}`)).status).toBe(404);
    expect((await app.request('/report/r2')).status).toBe(404);
  });

  it('the archive and the report read through the same privacy filter', async () => {
    const text = vi.spyOn(ArchivePrivacy.prototype, 'text');
    const rooms = vi.spyOn(ArchivePrivacy.prototype, 'publicRoom');
    const app = createWebApp({ health, report: storeReportSource(h.store, config), archive: storeArchiveSource(h.store, config, 0) });
    expect((await app.request('/report/r1')).status).toBe(200);
    const reportCalls = [text.mock.calls.length, rooms.mock.calls.length];
    expect(reportCalls.every((n) => n > 0)).toBe(true);
    const room = (await h.store.rooms.findByExternalId('test', 'r1'))!;
    const page = await (await app.request(`/archive/${room.id}/`)).text();
    expect(text.mock.calls.length).toBeGreaterThan(reportCalls[0]!);
    expect(rooms.mock.calls.length).toBeGreaterThan(reportCalls[1]!);
    expect(page).not.toContain('13812345678');
    vi.restoreAllMocks();
  });
});
