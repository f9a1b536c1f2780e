import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePublicRoom } from '../../src/core/analytics/public-room-analysis.js';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp } from '../../src/web/app.js';
import { storeReportSource } from '../../src/web/routes/report.js';

const config = loadConfig({ env: {} });
const MESSAGES = 20_000;
const WORDS = ['wechaty 安装失败怎么办？', '升级 Node 到 20 试试', 'webhook 的密钥在哪里配置？', '看文档 https://example.org/docs', '谢谢，已经好了', '数据库迁移报错了吗？'];

/** A public room with a few months of chat: enough that one analysis is real work. */
async function busyRoom(store: Store): Promise<number> {
  const room = await store.rooms.upsert({ platform: 'stdio', externalId: 'r1', kind: 'group', topic: 'OSSChat 开发者群' });
  await store.archive.setRoomPublic(room.id, true);
  const members = await Promise.all(Array.from({ length: 40 }, (_, i) => store.members.upsert({ platform: 'stdio', externalId: `u${i}`, name: `成员${i}` })));
  const start = Date.parse('2026-08-01T00:00:00Z');
  const inputs = Array.from({ length: MESSAGES }, (_, i) => ({
    roomId: room.id, senderId: members[(i * 7) % members.length]!.id, platformMsgId: `m${i}`, kind: 'text' as const,
    text: `${WORDS[i % WORDS.length]} ${i % 97}`, ts: new Date(start + i * 6 * 60_000), isSelf: false,
  }));
  for (let at = 0; at < inputs.length; at += 2000) await store.messages.insertMany(inputs.slice(at, at + 2000));
  return room.id;
}

/** The real analysis, counted: how many ran, and how many at once at most. */
function countedAnalysis() {
  const seen = { runs: 0, active: 0, maxActive: 0 };
  const analyze: typeof analyzePublicRoom = async (...args) => {
    seen.runs++;
    seen.maxActive = Math.max(seen.maxActive, ++seen.active);
    try {
      return await analyzePublicRoom(...args);
    } finally {
      seen.active--;
    }
  };
  return { seen, analyze };
}

describe('/report under a flood of distinct query strings', () => {
  let store: Store;
  let roomId: number;
  beforeAll(async () => {
    store = await openStore(':memory:');
    roomId = await busyRoom(store);
  });
  afterAll(async () => store.close());

  it('12 concurrent requests naming the same period in 12 ways run one analysis and get the same page', async () => {
    const { seen, analyze } = countedAnalysis();
    const app = createWebApp({ health: { pingDatabase: () => store.ping(), chatState: () => 'ready' }, report: storeReportSource(store, config, { analyze }) });
    const topic = encodeURIComponent('OSSChat 开发者群');
    const queries = [
      `r1?since=2026-09-01&utm_source=a`, `r1?since=2026-9-1&b=2`, `r1?since=2026-09-01T00:00:00%2B08:00`, `r1?since=%202026-09-01%20&c=3`,
      `r1?tz=asia/shanghai&since=2026-09-01`, `r1?tz=Asia/Shanghai&since=2026-09-01&tz2=x`, `r1?since=2026-09-01&until=`, `r1?since=2026-09-01&since=junk`,
      `${roomId}?since=2026-09-01`, `${topic}?since=2026-09-01&x=${'y'.repeat(500)}`, `r1?since=2026-08-31T16:00:00Z`, `r1?since=2026-09-01&_=${Date.now()}`,
    ];
    const responses = await Promise.all(queries.map((q) => app.request(`/report/${q}`)));
    expect(responses.map((r) => r.status)).toEqual(queries.map(() => 200));
    const pages = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(pages.size).toBe(1);
    expect(seen.runs).toBe(1);
  });

  it('50 distinct real periods: one analysis at a time, a short queue, 503 with Retry-After beyond it; /healthz keeps answering', async () => {
    const { seen, analyze } = countedAnalysis();
    const app = createWebApp({ health: { pingDatabase: () => store.ping(), chatState: () => 'ready' }, report: storeReportSource(store, config, { analyze }) });
    const days = Array.from({ length: 50 }, (_, i) => new Date(Date.parse('2026-08-02T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10));
    let done = false;
    const burst = Promise.all(days.map((day) => app.request(`/report/r1?since=${day}`))).finally(() => (done = true));
    const healthLatencies: number[] = [];
    while (!done) {
      const started = performance.now();
      const health = await app.request('/healthz');
      healthLatencies.push(performance.now() - started);
      expect(health.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const responses = await burst;
    const statuses = responses.map((r) => r.status);
    expect(seen.maxActive).toBe(1);
    expect(seen.runs).toBeLessThanOrEqual(5); // one running + four queued
    expect(statuses.filter((s) => s === 200)).toHaveLength(seen.runs);
    const refused = responses.filter((r) => r.status === 503);
    expect(refused.length).toBe(50 - seen.runs);
    expect(refused.every((r) => Number(r.headers.get('Retry-After')) > 0)).toBe(true);
    expect(healthLatencies.length).toBeGreaterThan(3);
    console.log(`analyses ${seen.runs}, /healthz answered ${healthLatencies.length} times during the burst, slowest ${Math.round(Math.max(...healthLatencies))} ms`);
    expect(Math.max(...healthLatencies)).toBeLessThan(250);
  });
});
