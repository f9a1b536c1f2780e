import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/cli.js';
import { storeFactories } from '../helpers/databases.js';
import { eventually, startStdioBot } from '../helpers/stdio-bot.js';

type RunningBot = Awaited<ReturnType<typeof startStdioBot>>;
let bot: RunningBot | undefined;
afterEach(() => {
  if (bot && !bot.exited) bot.kill();
  bot = undefined;
});

const said = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { text: string; replyTo?: string });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUESTION = 'OSSChat 支持 PostgreSQL 吗？';
const entry = (answer: string) => `- id: db\n  questions: [${QUESTION}]\n  answer: ${answer}\n`;

/** Asks the question and waits for the bot's reply to it; undefined when none comes within `ms`. */
async function ask(running: RunningBot, id: string, ms = 8000): Promise<string | undefined> {
  running.say(id, QUESTION);
  let reply: string | undefined;
  await eventually(async () => (reply = said(running.stdout()).find((say) => say.replyTo === id)?.text) !== undefined, ms);
  return reply;
}

describe('FAQ entries written by another process reach a running bot (built CLI, stdio)', () => {
  it('answers from `osschat faq import` run while it runs, takes a changed answer, and forgets a deleted entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-reload-faq-'));
    const config = join(dir, 'osschat.yaml');
    // No cooldown: the same question may be answered again in the room, so each change shows.
    writeFileSync(config, 'faq: { cooldownMinutes: 0 }\n');
    const env = { DATABASE_URL: join(dir, 'db.sqlite'), OSSCHAT_CONFIG: config };
    const kb = join(dir, 'kb.yaml');
    bot = await startStdioBot(env);
    expect(await ask(bot, 'm1', 1500)).toBeUndefined();

    writeFileSync(kb, entry('支持，设置 DATABASE_URL=postgres://… 即可。'));
    expect((await runCli(['faq', 'import', kb], env)).stdout).toContain('1 new');
    // The bot looks at the store's FAQ version at most twice a second.
    await pause(600);
    expect(await ask(bot, 'm2')).toContain('DATABASE_URL=postgres');
    expect(bot.stderr()).toContain('faq: entries changed in the store, index updated');

    writeFileSync(kb, entry('支持 PostgreSQL 15 以上版本。'));
    expect((await runCli(['faq', 'import', kb], env)).stdout).toContain('1 updated');
    await pause(600);
    expect(await ask(bot, 'm3')).toBe('支持 PostgreSQL 15 以上版本。');

    // Deleted through another connection (a dashboard in a web process does this): no answer any more.
    const other = await openStore(env.DATABASE_URL);
    await other.faq.remove('db');
    await other.close();
    await pause(600);
    expect(await ask(bot, 'm4', 1500)).toBeUndefined();
    expect((await bot.end()).code).toBe(0);
  });
});

describe.each(await storeFactories('faq version'))('the store\'s FAQ version, which the bot compares, on %s', (_name, factory) => {
  it('changes with every entry added, changed, removed or voted on; not with a hit or an unchanged re-import', async () => {
    const { store, cleanup } = await factory();
    const seen: string[] = [await store.faq.version()];
    const changed = async () => {
      const version = await store.faq.version();
      expect(seen).not.toContain(version);
      seen.push(version);
    };
    const entry = { id: 'a', questions: ['怎么安装？'], answer: 'npm ci', tags: [], source: 'import' as const };
    await store.faq.upsert(entry);
    await changed();
    await store.faq.upsert({ ...entry, id: 'b' });
    await changed();
    await store.faq.upsert(entry);
    await store.faq.countHit('a');
    expect(await store.faq.version()).toBe(seen.at(-1));
    await pause(5);
    await store.faq.upsert({ ...entry, answer: 'npm ci && npm start' });
    await changed();
    const member = await store.members.upsert({ platform: 'stdio', externalId: 'u1', name: '张三' });
    await store.faq.vote('a', member.id, false);
    await changed();
    const other = await store.members.upsert({ platform: 'stdio', externalId: 'u2', name: '李四' });
    await store.faq.vote('a', other.id, true);
    await changed();
    await store.faq.remove('b');
    await changed();
    await pause(5);
    await store.faq.upsert({ ...entry, id: 'c' });
    await changed();
    await cleanup();
  });
});
