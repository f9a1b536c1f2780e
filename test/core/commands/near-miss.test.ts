import { describe, expect, it } from 'vitest';
import { findCommand, type ParseInfo } from '../../../src/core/commands/command.js';
import { commands } from '../../../src/core/commands/registry.js';

const info = (quoting = false): ParseInfo => ({ quoting, botNames: ['OSSChat'] });
const classify = (text: string, quoting = false) => findCommand(commands, text, info(quoting));

/** Typed as a command, wrongly: each is answered with the usage of the command named. */
const nearMisses: [string, string][] = [
  ['以上条开工单', 'issue'],
  ['以上 abc 条开工单', 'issue'],
  ['以上N条开工单', 'issue'],
  ['以上n条开工单：安装失败', 'issue'],
  ['以上x条开工单。', 'issue'],
  ['请把以上【5】条开工单', 'issue'],
  ['上面 ?? 条 开工单', 'issue'],
  ['以上工单', 'issue'],
  ['@OSSChat 以上条开工单', 'issue'],
  ['/issues', 'issue'],
  ['/issues 5', 'issue'],
  ['/ issue 5', 'issue'],
  ['@OSSChat open an issue', 'issue'],
  ['@OSSChat issues 5', 'issue'],
  ['订阅 wechaty', 'subscribe'],
  ['取消订阅 wechaty', 'subscribe'],
  ['订阅 https://gitee.com/a/b', 'subscribe'],
  ['/subscription wechaty/wechaty', 'subscribe'],
  ['/ subscribe wechaty/wechaty', 'subscribe'],
  ['@OSSChat 订阅', 'subscribe'],
  ['绑定 wechaty', 'bind'],
  ['绑定仓库 gitee.com/a/b', 'bind'],
  ['解绑 wechaty/wechaty', 'bind'],
  ['/unbind wechaty/wechaty', 'bind'],
  ['/binding', 'bind'],
  ['#12 评论 这个已经修好了', 'comment'],
  ['#12 评论：', 'comment'],
  ['评论 #12 这个已经修好了', 'comment'],
  ['/comments 12 fixed', 'comment'],
  ['公开存档 启用', 'archive'],
  ['/archive yes', 'archive'],
  ['/archives', 'archive'],
  ['/commands', 'help'],
  ['/start', 'help'],
  ['@OSSChat 菜单', 'help'],
];

/** Well-formed commands that the parsers answer themselves (with an error of their own, if any). */
const parsedByTheirRow: [string, string][] = [
  ['以上三十万条开工单', 'issue'],
  ['以上五条开工单 安装失败', 'issue'],
  ['/issue abc', 'issue'],
  ['/subscribe', 'subscribe'],
  ['/bind', 'bind'],
  ['/comment', 'comment'],
  ['/help', 'help'],
  ['帮助', 'help'],
];

/** Ordinary chat, however close to a command: never caught. */
const chat = [
  '我刚才以上五条开工单了吗',
  '以上说的开工单功能很好用',
  '以上五条都是开工单相关的',
  '以上五条开工单了吗？',
  '以上五条开工单？',
  '以上开工单吗',
  '以上五条开工单吧',
  '以上都开工单',
  '以上: issue 已修复',
  '上面的开工单呢',
  '有人提issue了吗',
  '收到，我去开工单',
  '建议开工单跟踪一下',
  '/issues are annoying',
  '/issue-tracker is down',
  '/issuer',
  'the issue is that npm fails',
  'I will open an issue later',
  'issues',
  'open an issue',
  '订阅号的文章不错',
  '我订阅了 wechaty 的 release',
  '怎么订阅 release 通知？',
  '订阅',
  '取消订阅怎么弄',
  'subscribe to our newsletter',
  '绑定手机号以后就好了',
  '怎么绑定仓库？',
  '#12 评论区说得对',
  '评论一下 #12',
  '公开存档吗？',
  '公开存档是什么',
  '帮助一下新人',
  '帮助 一下新人',
  '互相帮助',
  'help',
  'can someone help me?',
  '/usr/bin/node',
  '/tmp',
  '菜单',
  '命令',
  '',
  '[图片]',
];

describe('near misses in the command table', () => {
  it('has enough cases', () => {
    expect(nearMisses.length).toBeGreaterThanOrEqual(30);
    expect(chat.length).toBeGreaterThanOrEqual(40);
  });

  it.each(nearMisses)('%j is a near miss of %s', (text, name) => {
    const found = classify(text);
    expect(found?.command.name).toBe('malformed');
    expect(found?.args).toMatchObject({ commands: [name] });
  });

  it.each(parsedByTheirRow)('%j is parsed by %s itself', (text, name) => {
    expect(classify(text)?.command.name).toBe(name);
  });

  it.each(chat)('leaves %j alone', (text) => {
    expect(classify(text)).toBeUndefined();
    expect(classify(text, true)).toBeUndefined();
  });

  it('quotes what was said as it was written, Traditional Chinese included', () => {
    expect(classify('以上 abc 條開工單')?.args).toEqual({ said: '以上 abc 條開工單', commands: ['issue'] });
  });
});
