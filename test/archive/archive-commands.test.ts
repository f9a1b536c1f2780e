import { describe, expect, it } from 'vitest';
import { archiveOptOutCommand } from '../../src/core/archive/archive-optout.command.js';
import { archiveCommand } from '../../src/core/archive/archive.command.js';
import { findCommand } from '../../src/core/commands/command.js';
import { commands } from '../../src/core/commands/registry.js';

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
  it('permissions: switching is for admins, opting out for anyone', () => {
    expect(archiveCommand.permission).toBe('admin');
    expect(archiveOptOutCommand.permission).toBe('anyone');
  });
});
