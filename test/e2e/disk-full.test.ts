import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { mountSmallDisk } from '../helpers/small-disk.js';
import { eventually, startStdioBot, storedIds } from '../helpers/stdio-bot.js';

const disk = mountSmallDisk(mkdtempSync(join(tmpdir(), 'osschat-full-')), '6m');
afterAll(() => disk?.unmount());

describe.runIf(disk !== undefined)('SQLite on a full disk (a real tmpfs)', () => {
  it('says so in one line, answers 503 at once, keeps every message and writes it when space returns, then gives the WAL its space back', async () => {
    const db = join(disk!.dir, 'osschat.db');
    const bot = await startStdioBot({ DATABASE_URL: db });
    const ids = Array.from({ length: 5 }, (_, i) => bot.say(`m${i}`, `before ${i}`));
    const store = await openStore(db, { migrate: false });
    try {
      expect(await eventually(async () => (await storedIds(store)).length === 5, 15_000)).toBe(true);
      disk!.fill();
      for (let i = 5; i < 305; i++) ids.push(bot.say(`m${i}`, `during the full disk ${i} ${'字'.repeat(200)}`));
      expect(await eventually(async () => bot.stderr().includes(`database: disk full at ${db} — free space; messages are kept and will be written when space returns`), 15_000)).toBe(true);
      const asked = Date.now();
      expect(await bot.health()).toBe(503);
      expect(Date.now() - asked).toBeLessThan(2000);
      const walDuringFault = statSync(`${db}-wal`).size;
      disk!.free();
      expect(await eventually(async () => (await storedIds(store)).length === ids.length, 30_000)).toBe(true);
      expect(await bot.health()).toBe(200);
      expect(statSync(`${db}-wal`).size).toBeLessThan(walDuringFault);
      expect(bot.exited).toBe(false);
      const finished = await bot.end();
      expect(finished.code).toBe(0);
      expect(await storedIds(store)).toEqual(ids);
    } finally {
      bot.kill();
      await store.close();
    }
  }, 120_000);
});
