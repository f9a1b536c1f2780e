import { describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/web/app.js';
import { storeReportSource } from '../../src/web/routes/report.js';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const health = { pingDatabase: async () => undefined, chatState: () => 'ready' };

async function storeWithRoom(publicRoom: boolean): Promise<Store> {
  const store = await openStore(':memory:');
  const room = await store.rooms.upsert({ platform: 'stdio', externalId: 'r1', kind: 'group', topic: 'OSS 群' });
  const member = await store.members.upsert({ platform: 'stdio', externalId: 'u1', name: '<i>张三</i>' });
  await store.messages.insertMany([
    { roomId: room.id, senderId: member.id, platformMsgId: 'm1', kind: 'text', text: '怎么安装？', ts: new Date('2026-03-02T01:00:00Z'), isSelf: false },
  ]);
  if (publicRoom) await store.archive.setRoomPublic(room.id, true);
  return store;
}

describe('GET /report/:room', () => {
  const defaults = loadConfig({ env: {} });
  // Full names, so the member's markup-like name reaches the page (and must arrive escaped).
  const config = { ...defaults, archive: { ...defaults.archive, names: 'full' as const } };

  it('serves the report of a public room, escaped', async () => {
    const store = await storeWithRoom(true);
    const app = createWebApp({ health, report: storeReportSource(store, config) });
    const response = await app.request(`/report/${encodeURIComponent('OSS 群')}?since=2026-03-01`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('&lt;i&gt;张三&lt;/i&gt;');
    expect(html).not.toContain('<i>张三</i>');
    expect((await app.request('/report/r1?since=yesterday')).status).toBe(400);
    await store.close();
  });

  it('answers 404 for a private or unknown room', async () => {
    const store = await storeWithRoom(false);
    const app = createWebApp({ health, report: storeReportSource(store, config) });
    expect((await app.request(`/report/${encodeURIComponent('OSS 群')}`)).status).toBe(404);
    expect((await app.request('/report/nope')).status).toBe(404);
    await store.close();
  });
});
