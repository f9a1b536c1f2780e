import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli } from '../helpers/cli.js';
import { eventually, ROOM, startStdioBot } from '../helpers/stdio-bot.js';

type RunningBot = Awaited<ReturnType<typeof startStdioBot>>;
let github: GitHubServer;
let bot: RunningBot | undefined;
beforeAll(async () => {
  github = await createGitHubServer({ repos: ['octo/hello'] });
});
afterAll(async () => github.close());
afterEach(() => {
  if (bot && !bot.exited) bot.kill();
  bot = undefined;
});

const said = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { text: string; replyTo?: string });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (text: string, part: string) => text.split(part).length - 1;
const KB = '- id: db\n  questions: [OSSChat 支持 PostgreSQL 吗？]\n  answer: 支持，设置 DATABASE_URL 即可。\n';

function yaml(settings: { locale?: string; repo?: string; faq?: boolean }): string {
  return [
    `locale: ${settings.locale ?? 'zh-CN'}`,
    settings.repo ? `rooms:\n  - match: { topic: "${ROOM.topic}" }\n    repo: ${settings.repo}` : 'rooms: []',
    `faq: { enabled: ${settings.faq ?? false}, cooldownMinutes: 0 }`,
    'github: { retries: 1, retryBaseMs: 10 }',
    '',
  ].join('\n');
}

/** Says `text` and waits for the bot's reply to it. */
async function reply(running: RunningBot, id: string, text: string, ms = 8000): Promise<string | undefined> {
  running.say(id, text);
  let found: string | undefined;
  await eventually(async () => (found = said(running.stdout()).find((say) => say.replyTo === id)?.text) !== undefined, ms);
  return found;
}

/** Waits until the bot has logged `line` `times` times in all. */
const logged = (running: RunningBot, line: string, times = 1) => eventually(async () => count(running.stderr(), line) >= times, 8000);

function setup(configFile?: (dir: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-reload-config-'));
  const config = configFile?.(dir) ?? join(dir, 'osschat.yaml');
  const env = { OSSCHAT_CONFIG: config, DATABASE_URL: join(dir, 'db.sqlite'), GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' };
  return { dir, config, env };
}

describe('a running bot follows osschat.yaml (built CLI, stdio, local GitHub)', () => {
  it('applies edits of locale, rooms and faq as the file is saved; an invalid edit keeps the running configuration', async () => {
    const { dir, config, env } = setup();
    writeFileSync(config, yaml({}));
    const kb = join(dir, 'kb.yaml');
    writeFileSync(kb, KB);
    await runCli(['faq', 'import', kb], env);
    bot = await startStdioBot(env);
    expect(await reply(bot, 'm1', '以上一条开工单')).toContain('本群还没有绑定仓库');
    expect(await reply(bot, 'm2', 'OSSChat 支持 PostgreSQL 吗？', 1500)).toBeUndefined();

    writeFileSync(config, yaml({ locale: 'en' }));
    expect(await logged(bot, 'configuration reloaded: applied locale')).toBe(true);
    expect(await reply(bot, 'm3', '以上一条开工单')).toContain('This room is not bound to a repository');

    writeFileSync(config, yaml({ locale: 'en', repo: 'octo/hello', faq: true }));
    expect(await logged(bot, 'configuration reloaded: applied rooms, faq.enabled')).toBe(true);
    expect(await reply(bot, 'm4', 'OSSChat 支持 PostgreSQL 吗？')).toBe('支持，设置 DATABASE_URL 即可。');
    bot.say('x1', '升级到 2.0 以后启动失败');
    expect(await reply(bot, 'm5', '以上一条开工单')).toContain('https://github.com/octo/hello/issues/1');

    // Invalid: one error line naming the problem; the bot goes on with the configuration it had.
    writeFileSync(config, yaml({ locale: 'en', repo: 'not-a-repo', faq: true }));
    expect(await logged(bot, 'configuration not reloaded, the running one stays')).toBe(true);
    await pause(700);
    const errors = bot.stderr().split('\n').filter((line) => line.includes('configuration not reloaded'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('rooms[0].repo');
    expect(errors[0]).not.toContain('    at ');
    bot.say('x2', '配置文件改了以后读不到');
    expect(await reply(bot, 'm6', '以上一条开工单')).toContain('https://github.com/octo/hello/issues/2');

    // A change that needs a restart is named, and not applied.
    writeFileSync(config, `${yaml({ locale: 'en', repo: 'octo/hello', faq: true })}outbox: { pollMs: 500 }\n`);
    expect(await logged(bot, 'configuration reloaded: nothing applied; needs a restart to take effect: outbox.pollMs')).toBe(true);
    expect(await bot.health()).toBe(200);
    expect((await bot.end()).code).toBe(0);
    expect(github.state.issues('octo/hello')).toHaveLength(2);
  });

  it('reloads on SIGHUP, also when the file is a link that no watch sees change', async () => {
    const { config, env } = setup((dir) => {
      mkdirSync(join(dir, 'real'));
      symlinkSync(join(dir, 'real', 'osschat.yaml'), join(dir, 'osschat.yaml'));
      return join(dir, 'osschat.yaml');
    });
    const target = join(config, '..', 'real', 'osschat.yaml');
    writeFileSync(target, yaml({}));
    bot = await startStdioBot(env);
    expect(await reply(bot, 'm1', '以上一条开工单')).toContain('本群还没有绑定仓库');
    writeFileSync(target, yaml({ locale: 'en' }));
    await pause(1000);
    expect(bot.stderr()).not.toContain('configuration reloaded');
    bot.signal('SIGHUP');
    expect(await logged(bot, 'configuration reloaded: applied locale')).toBe(true);
    expect(bot.stderr()).toMatch(/"reason":"SIGHUP"[^\n]*configuration reloaded: applied locale/);
    expect(await reply(bot, 'm2', '以上一条开工单')).toContain('This room is not bound to a repository');
    expect((await bot.end()).code).toBe(0);
  });
});
