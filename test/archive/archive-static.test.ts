import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../src/core/archive/archive-reader.js';
import { loadConfig } from '../../src/config/load.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { archiveSettings } from '../../src/web/routes/archive-source.js';
import { publishSite } from '../../src/web/views/archive-publish.js';
import { ROOMS, seedArchive } from './archive-fixture.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)).map((f) => `${name}/${f}`) : [name]));
}
const everything = (dir: string) => files(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

describe('osschat publish (static site)', () => {
  let store: Store;
  let out: string;
  let ids: Record<string, number>;
  let reader: ArchiveReader;
  const publish = () => publishSite(store, reader, out);

  beforeEach(async () => {
    store = await openStore(':memory:');
    ids = await seedArchive(store, ROOMS);
    out = mkdtempSync(join(tmpdir(), 'osschat-publish-'));
    reader = new ArchiveReader(store, { ...archiveSettings(loadConfig({ env: {} })), baseUrl: 'https://example.github.io/chat' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes pages, feed, sitemaps, robots and a per-room search index; nothing private', async () => {
    const report = await publish();
    expect(report).toMatchObject({ rooms: 1, conversations: 2, removed: 0 });
    const list = files(out);
    const pub = ids.pub!;
    for (const path of ['index.html', 'search/index.html', 'assets/minisearch.js', 'robots.txt', 'sitemap.xml', `${pub}/index.html`, `${pub}/feed.atom`, `${pub}/sitemap.xml`, `${pub}/search-index.json`, `${pub}/2026-11-24/index.html`]) {
      expect(list).toContain(path);
    }
    expect(list.filter((f) => f.includes('/c/'))).toHaveLength(2);
    expect(list.some((f) => f.startsWith(`${ids.priv}/`))).toBe(false);
    const all = everything(out);
    for (const secret of ['内部私密群', 'secretplan', '赵六', '13812345678', 'wangwu@example.com', 'abc123secret', '张三']) expect(all).not.toContain(secret);
    expect(readFileSync(join(out, `${pub}/search-index.json`), 'utf8')).toContain('安装');
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain(`https://example.github.io/chat/${pub}/sitemap.xml`);
  });

  it('is incremental: a second run writes nothing; a recall rewrites only what shows it', async () => {
    const first = await publish();
    const again = await publish();
    expect(again).toMatchObject({ written: 0, unchanged: first.written, removed: 0 });
    await store.messages.recall(ids.pub!, 'b2', new Date());
    const after = await publish();
    expect(after.written).toBeGreaterThan(0);
    expect(after.written).toBeLessThanOrEqual(6);
    expect(everything(out)).not.toContain('GITHUB_WEBHOOK_SECRET');
  });

  it('removes an opted-out member retroactively, and a room switched off entirely', async () => {
    await publish();
    const member = await store.members.upsert({ platform: 'stdio', externalId: 'id-Alice', name: 'Alice' });
    await store.archive.setOptOut(member.id, true);
    await store.archive.setOptOut((await store.members.upsert({ platform: 'stdio', externalId: 'id-Bob', name: 'Bob' })).id, true);
    const report = await publish();
    expect(report.removed).toBeGreaterThan(0);
    expect(everything(out)).not.toContain('webhook');
    await store.archive.setRoomPublic(ids.pub!, false);
    await publish();
    expect(files(out).some((f) => f.startsWith(`${ids.pub}/`))).toBe(false);
    expect(everything(out)).not.toContain('wechaty');
  });

  it('places an imported (never threaded) log before publishing', async () => {
    const room = await store.rooms.upsert({ platform: 'stdio', externalId: 'imp', kind: 'group', topic: 'Imported' });
    const member = await store.members.upsert({ platform: 'stdio', externalId: 'x', name: 'X' });
    await store.messages.insertMany([1, 2, 3].map((n) => ({ roomId: room.id, senderId: member.id, platformMsgId: `i${n}`, kind: 'text' as const, text: `imported message ${n}`, ts: new Date(Date.UTC(2026, 0, 1, 0, n)), isSelf: false })));
    await store.archive.setRoomPublic(room.id, true);
    const report = await publish();
    expect(report.rebuilt).toEqual(['Imported']);
    expect(await store.archive.unplacedCount(room.id)).toBe(0);
  });
});
