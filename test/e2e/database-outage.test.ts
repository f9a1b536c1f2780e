import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgresStore, postgresAvailable } from '../helpers/databases.js';
import { eventually, startStdioBot, storedIds } from '../helpers/stdio-bot.js';
import { cuttableProxy, throughProxy } from '../helpers/tcp-proxy.js';

const available = await postgresAvailable('a long PostgreSQL outage over stdio');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Bot = Awaited<ReturnType<typeof startStdioBot>>;

/** Chat lines, one every 250 ms for `ms`, with a command among them; returns the ids written. */
async function chatFor(bot: Bot, prefix: string, ms: number): Promise<string[]> {
  const ids: string[] = [];
  for (const until = Date.now() + ms; Date.now() < until; await sleep(250)) {
    const n = ids.length;
    ids.push(bot.say(`${prefix}${n}`, n === 10 ? '/archive' : `outage ${prefix}${n}`));
  }
  return ids;
}

/** Messages before the fault, during it (`fault` runs while they flow), and after: all stored once, in order. */
async function throughAnOutage(bot: Bot, store: Store, fault: { begin: () => void; end: () => Promise<void> | void; ms: number }) {
  const ids = ['b0', 'b1', 'b2'].map((id) => bot.say(id, `before ${id}`));
  expect(await eventually(async () => (await storedIds(store)).length === 3, 15_000)).toBe(true);
  fault.begin();
  ids.push(...(await chatFor(bot, 'o', fault.ms)));
  expect(bot.exited).toBe(false);
  await fault.end();
  ids.push(bot.say('a0', 'after'));
  expect(await eventually(async () => (await storedIds(store)).length === ids.length, 40_000)).toBe(true);
  expect(bot.exited).toBe(false);
  // The command among them ran: the bot answered it.
  expect(await eventually(async () => bot.stdout().includes('"replyTo":"o10"'), 20_000)).toBe(true);
  const finished = await bot.end();
  expect(finished.code).toBe(0);
  expect(await storedIds(store)).toEqual(ids);
}

describe('a database outage longer than the old 6 s of retries, while chat flows over stdio', () => {
  it.runIf(available)('PostgreSQL refusing every connection for 22 s: nothing lost or doubled, in order, commands run, the bot never exits', async () => {
    const postgres = await freshPostgresStore();
    const target = new URL(postgres.url);
    const proxy = await cuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const bot = await startStdioBot({ DATABASE_URL: throughProxy(postgres.url, proxy.port) });
    try {
      await throughAnOutage(bot, postgres.store, {
        ms: 22_000,
        begin: () => proxy.cut(),
        end: async () => {
          expect(await bot.health()).toBe(503);
          await proxy.restore();
        },
      });
      expect(bot.stderr()).toMatch(/database: PostgreSQL does not answer .* messages are kept and will be written when it answers again/);
    } finally {
      bot.kill();
      proxy.close();
      await postgres.cleanup();
    }
  }, 150_000);

  it('SQLite locked exclusively by another process for 15 s: nothing lost or doubled, in order, commands run, the bot never exits', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'osschat-lock-')), 'osschat.db');
    const bot = await startStdioBot({ DATABASE_URL: db });
    const store = await openStore(db, { migrate: false });
    const locker = new Database(db, { timeout: 0 });
    try {
      await throughAnOutage(bot, store, { ms: 15_000, begin: () => locker.exec('BEGIN EXCLUSIVE'), end: () => void locker.exec('COMMIT') });
      expect(bot.stderr()).toContain('is locked by another process — end it or wait; messages are kept and will be written when the lock is released');
    } finally {
      bot.kill();
      locker.close();
      await store.close();
    }
  }, 150_000);
});
