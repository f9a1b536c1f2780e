import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandTable } from '../../src/core/commands/registry.js';
import { runCli } from '../helpers/cli.js';

const ZH_ROOM = { id: 'r1', topic: 'OSSChat 开发者群' };
const EN_ROOM = { id: 'r2', topic: 'OSSChat developers' };
/** The rows help lists: every row of the table but the near miss, which is no command of its own. */
const listed = commandTable().filter((row) => row.name !== 'malformed');
const row = (name: string) => listed.find((candidate) => candidate.name === name)!;

type Say = { type: string; room: string; text: string; replyTo?: string };

let said: Say[];
const replyTo = (id: string) => said.filter((say) => say.replyTo === id).map((say) => say.text);
const only = (id: string) => {
  const replies = replyTo(id);
  expect(replies).toHaveLength(1);
  return replies[0]!;
};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-help-'));
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, [
    'admins: ["boss"]',
    'rooms:',
    `  - match: { topic: "${ZH_ROOM.topic}" }`,
    '    repo: octo/hello',
    `  - match: { topic: "${EN_ROOM.topic}" }`,
    '    locale: en',
    '',
  ].join('\n'));
  let minute = 0;
  const line = (id: string, room: typeof ZH_ROOM, text: string, from = { id: 'u1', name: '张三' }) =>
    JSON.stringify({ type: 'message', id, room, from, text, ts: new Date(Date.UTC(2026, 10, 24, 2, minute++)).toISOString() });
  const input = [
    line('m1', ZH_ROOM, '/help'),
    line('m2', ZH_ROOM, '帮助 开工单'),
    line('m3', ZH_ROOM, '帮助', { id: 'boss', name: '管理员' }),
    line('m4', EN_ROOM, '@OSSChat help'),
    line('m5', EN_ROOM, '/help subscribe'),
    line('m6', ZH_ROOM, '/help nosuch'),
    line('m7', ZH_ROOM, '帮助一下新人'),
    line('m8', ZH_ROOM, '帮助 一下新人'),
    line('m9', ZH_ROOM, '@OSSChat 帮助 绑定'),
    '',
  ].join('\n');
  const result = await runCli(['start', '--chat', 'stdio'], { OSSCHAT_CONFIG: config, DATABASE_URL: join(dir, 'osschat.db'), GITHUB_TOKEN: 'test-token', GITHUB_API_URL: 'http://127.0.0.1:9' }, input);
  expect(result.code).toBe(0);
  said = result.stdout.trim().split('\n').filter(Boolean).map((text) => JSON.parse(text) as Say);
});

describe('/help, generated from the command table (built CLI, stdio)', () => {
  it('lists every command with its usage in the room’s language, marking what the asker may not run', () => {
    const zh = only('m1').split('\n');
    expect(zh[0]).toContain('机器人的命令');
    expect(zh.slice(1)).toHaveLength(listed.length);
    for (const command of listed) expect(zh).toContainEqual(expect.stringContaining(`• ${command.usage['zh-CN']}`));
    expect(zh).toContain(`• ${row('bind').usage['zh-CN']}（仅管理员）`);
    expect(zh).toContain(`• ${row('archive').usage['zh-CN']}（仅群主、群管理员）`);
    expect(zh).toContain(`• ${row('issue').usage['zh-CN']}`);
    const en = only('m4').split('\n');
    expect(en[0]).toContain('The bot\'s commands');
    for (const command of listed) expect(en).toContainEqual(expect.stringContaining(`• ${command.usage.en}`));
  });

  it('shows an admin no marks on what admins may run', () => {
    expect(only('m3').split('\n')).toContain(`• ${row('bind').usage['zh-CN']}`);
  });

  it('gives one command’s details by name or by a word of its usage', () => {
    expect(only('m2')).toBe(`${row('issue').usage['zh-CN']}\n${row('issue').help['zh-CN']}`);
    expect(only('m5')).toBe(`${row('subscribe').usage.en}\n${row('subscribe').help.en}`);
    const bind = only('m9');
    expect(bind).toContain(row('bind').help['zh-CN']);
    expect(bind).toContain(row('bind-code').help['zh-CN']);
  });

  it('answers an unknown topic with the list and one line saying so', () => {
    const [first, ...rest] = only('m6').split('\n');
    expect(first).toBe('没有「nosuch」这个命令。');
    expect(rest.join('\n')).toBe(only('m1'));
  });

  it('leaves chat that merely says 帮助 alone', () => {
    expect(replyTo('m7')).toEqual([]);
    expect(replyTo('m8')).toEqual([]);
  });
});
