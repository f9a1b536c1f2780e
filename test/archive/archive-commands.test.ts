import { afterEach, describe, expect, it } from 'vitest';
import { archiveOptOutCommand } from '../../src/core/archive/archive-optout.command.js';
import { archiveCommand } from '../../src/core/archive/archive.command.js';
import { findCommand } from '../../src/core/commands/command.js';
import { commands } from '../../src/core/commands/registry.js';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

const info = { quoting: false, botNames: [] };

describe('archive commands', () => {
  it.each([
    ['公开存档 开', { action: 'on' }],
    ['公开存档 关', { action: 'off' }],
    ['公开存档', { action: 'status' }],
    ['/archive on', { action: 'on' }],
    ['/archive OFF', { action: 'off' }],
    ['/archive', { action: 'status' }],
  ])('%s → room switch (admins)', (text, args) => {
    expect(archiveCommand.parse(text, info)).toEqual(args);
    expect(findCommand(commands, text, info)?.command.name).toBe('archive');
  });
  it.each([
    ['不公开我的消息', { out: true }],
    ['公开我的消息', { out: false }],
    ['/archive optout', { out: true }],
    ['/archive optin', { out: false }],
  ])('%s → opt-out (anyone)', (text, args) => {
    expect(archiveOptOutCommand.parse(text, info)).toEqual(args);
    expect(findCommand(commands, text, info)?.command.name).toBe('archive-optout');
  });
  it('ordinary chat is not a command', () => {
    for (const text of ['公开存档是什么？', '我不想公开我的消息吗', '/archived']) expect(findCommand(commands, text, info)).toBeUndefined();
  });
  it('permissions: switching is for the group\'s owner or admins (or a configured admin), opting out for anyone', () => {
    expect(archiveCommand.permission).toBe('room-admin');
    expect(archiveOptOutCommand.permission).toBe('anyone');
  });
});

describe('公开存档 开 in a group (issue 14: a member made a private group public)', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());
  const isPublic = async () => (await h!.store.rooms.findByExternalId('test', 'r1'))!.archivePublic;

  it('refuses a plain member; the group\'s admin and a configured admin may switch it', async () => {
    h = await issueHarness({ admins: ['op'] });
    await h.say('公开存档 开', { from: { id: 'mallory', name: 'Mallory', role: 'member' } });
    expect(h.sent.at(-1)?.text).toBe('抱歉，只有群主、群管理员或机器人管理员可以使用「archive」。\n想成为机器人管理员，请找一位管理员：他引用你的任意一条消息并发送「添加管理员」即可。');
    expect(await isPublic()).toBe(false);
    await h.say('/archive on', { from: { id: 'boss', name: '管理员', role: 'admin' } });
    expect(await isPublic()).toBe(true);
    await h.say('/archive off', { from: { id: 'op' } });
    expect(await isPublic()).toBe(false);
  });
});
