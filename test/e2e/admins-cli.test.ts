import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { eventually, ROOM, startStdioBot } from '../helpers/stdio-bot.js';

// Issue 16 §1: `osschat admins` on the CLI, taking effect on a running bot without a restart.
function setup(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-admins-'));
  writeFileSync(join(dir, 'osschat.yaml'), yaml);
  return { DATABASE_URL: join(dir, 'osschat.db'), OSSCHAT_CONFIG: join(dir, 'osschat.yaml') };
}

const li = { id: 'u2', name: '李四' };
const DENIED = '抱歉，只有管理员可以使用「admins」。';

describe('osschat admins (built CLI) against a running bot', () => {
  it('adds, lists and removes admins; the running bot follows within seconds; the id comes from osschat export', async () => {
    const env = setup('admins: ["op"]\n');
    const bot = await startStdioBot(env);
    try {
      let n = 0;
      const replyTo = (id: string) => bot.stdout().split('\n').find((json) => json.includes(`"replyTo":"${id}"`));
      // Asks until the answer holds `expected`: the bot reads stored admins again within seconds.
      const ask = (expected: string) =>
        eventually(async () => {
          const id = bot.say(`q${++n}`, '/admins', li);
          await eventually(async () => replyTo(id) !== undefined, 5000);
          return (replyTo(id) ?? '').includes(expected);
        }, 30_000);
      expect(await ask(DENIED)).toBe(true);

      const exported = await runCli(['export', '--room', ROOM.topic], env);
      const from = exported.stdout.split('\n').filter(Boolean).map((json) => (JSON.parse(json) as { from: { id: string; name?: string } }).from);
      expect(from).toContainEqual({ id: 'u2', name: '李四' });

      expect(await runCli(['admins', 'add', 'u2'], env)).toMatchObject({ code: 0, stdout: '已添加机器人管理员 李四 (u2)；正在运行的机器人几秒内生效。\n' });
      expect(await ask('机器人管理员（2 位）')).toBe(true);
      expect((await runCli(['admins', 'add', 'u2'], env)).stdout).toBe('李四 (u2) 已经是机器人管理员。\n');

      const listed = await runCli(['admins', 'list'], env);
      expect(listed.code).toBe(0);
      expect(listed.stdout.split('\n').map((row) => row.split('\t').slice(0, 4))).toEqual([
        ['ID', 'NAME', 'SOURCE', 'PLATFORM'], ['op', '-', 'config', 'any'], ['u2', '李四', 'database', 'stdio'], [''],
      ]);

      expect(await runCli(['admins', 'remove', 'op'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('op 列在配置文件的 admins 里：请在') });
      expect(await runCli(['admins', 'code'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('已经有机器人管理员了') });
      expect(await runCli(['admins', 'remove', 'u2'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('已移除机器人管理员 李四 (u2)') });
      expect(await ask(DENIED)).toBe(true);
      expect(await runCli(['admins', 'remove', 'u2'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('不是数据库里的机器人管理员') });
    } finally {
      await bot.end();
    }
  }, 90_000);

  it('takes an id the bot has not seen on every platform, and platform:id on one', async () => {
    const env = setup('locale: en\n');
    expect((await runCli(['admins', 'list'], env)).stdout).toContain('No bot admin yet.');
    const code = await runCli(['admins', 'code'], env);
    expect(code).toMatchObject({ code: 0, stdout: expect.stringMatching(/^No admin yet: say "\/claim [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"/) });
    expect((await runCli(['admins', 'add', 'wxid_new'], env)).code).toBe(0);
    expect((await runCli(['admins', 'add', 'wechat:wxid_other'], env)).code).toBe(0);
    const rows = (await runCli(['admins', 'list'], env)).stdout.split('\n').slice(1, 3).map((row) => row.split('\t').slice(0, 4));
    expect(rows).toEqual([['wxid_new', '-', 'database', 'any'], ['wxid_other', '-', 'database', 'wechat']]);
  }, 90_000);
});

describe('chat.ownerIsAdmin (built CLI, stdio)', () => {
  const owner = { id: 'boss', name: '群主', role: 'owner' };
  const archiveOn = (id: string) => `${JSON.stringify({ type: 'message', id, room: ROOM, from: owner, text: '公开存档 开', ts: new Date().toISOString() })}\n`;

  it('lets the group owner the platform reports run room-admin commands, unless the config says false', async () => {
    const allowed = await runCli(['start', '--chat', 'stdio'], setup('locale: zh-CN\n'), archiveOn('m1'));
    expect(allowed.stdout).toContain('本群已公开存档');
    const refused = await runCli(['start', '--chat', 'stdio'], setup('chat:\n  ownerIsAdmin: false\n'), archiveOn('m1'));
    expect(refused.stdout).toContain('抱歉，只有群主、群管理员或机器人管理员可以使用「archive」。\\n机器人还没有管理员');
  }, 60_000);
});
