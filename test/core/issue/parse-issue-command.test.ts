import { describe, expect, it } from 'vitest';
import { parseIssueCommand, type IssueCommandParse } from '../../../src/core/issue/parse-issue-command.js';

const botNames = ['OSSChat', '小助手'];
const parse = (text: string, quoting = false) => parseIssueCommand(text, { botNames, quoting });

const chat = [
  '我刚才以上五条开工单了吗',
  '谁来开工单啊',
  '开工单的流程是什么？',
  '以上说的开工单功能很好用',
  '我们需要一个开工单的机器人',
  '有人提issue了吗',
  '以上五条都是开工单相关的',
  '以上五条开工单了吗？',
  '以上五条开工单？',
  '以上开工单吗',
  '以上五条开工单吧',
  '开工单吧',
  '开工单？',
  '提issue了',
  '提个issue吧',
  '你可以去提 issue',
  '要不要开工单',
  '这个问题应该开工单',
  '开工单 就行',
  '工单开了吗',
  '以上',
  '以上五条',
  '以上五条是我的看法',
  '以上仅代表个人观点',
  '上面说的对',
  '#bug 很多',
  '#缺陷',
  '@张三 以上五条开工单',
  '@OSSChat',
  '@OSSChat 你好',
  '@OSSChatbot issue 5',
  '收到，我去开工单',
  '好的，开工单',
  '建议开工单跟踪一下',
  '开工单功能上线了',
  '五条开工单',
  '/issues are annoying',
  '/issues',
  '/issue-tracker is down',
  '/issuer',
  'the issue is that npm fails',
  'I will open an issue later',
  'issue 5 is fixed',
  'Issue: login fails',
  'can you open an issue?',
  'please file an issue on GitHub',
  'see /issue 5 in the docs',
  'use `/issue 5` to file one',
  'issues',
  '/help',
  '',
  '   ',
  '。',
  '[图片]',
];

type Ok = Extract<IssueCommandParse, { ok: true }>;
const commands: [string, Omit<Ok, 'ok'>, boolean?][] = [
  ['以上五条开工单', { count: 5 }],
  ['以上5条开工单', { count: 5 }],
  ['以上 5 条 开工单', { count: 5 }],
  ['以上５条开工单', { count: 5 }],
  ['以上１２条开工单', { count: 12 }],
  ['以上五条开工单。', { count: 5 }],
  ['以上五条开工单！', { count: 5 }],
  ['以上五条开工单!!', { count: 5 }],
  ['以上五条开工单~', { count: 5 }],
  ['  以上五条开工单  ', { count: 5 }],
  ['以上，五条，开工单', { count: 5 }],
  ['以上五条创建工单', { count: 5 }],
  ['以上五条建工单', { count: 5 }],
  ['以上五条新建工单', { count: 5 }],
  ['以上五条提issue', { count: 5 }],
  ['以上五条提 issue', { count: 5 }],
  ['以上五条提Issue', { count: 5 }],
  ['以上五条开issue', { count: 5 }],
  ['以上五条开个工单', { count: 5 }],
  ['以上五条提一个issue', { count: 5 }],
  ['以上五条消息开工单', { count: 5 }],
  ['上面三条开工单', { count: 3 }],
  ['请把以上三条开工单', { count: 3 }],
  ['麻烦帮我把以上三条开个工单', { count: 3 }],
  ['以上五条开工单，谢谢', { count: 5 }],
  ['以上一条开工单', { count: 1 }],
  ['以上两条开工单', { count: 2 }],
  ['以上十条开工单', { count: 10 }],
  ['以上十二条开工单', { count: 12 }],
  ['以上二十条开工单', { count: 20 }],
  ['以上二十一条开工单', { count: 21 }],
  ['以上九十九条开工单', { count: 99 }],
  ['以上一百条开工单', { count: 100 }],
  ['以上百条开工单', { count: 100 }],
  ['以上一百零五条开工单', { count: 105 }],
  ['以上五十五万条开工单', { count: 550000 }],
  ['以上开工单', { count: 'default' }],
  ['以上，开工单。', { count: 'default' }],
  ['以上五条开工单：', { count: 5 }],
  ['以上五条开工单：#缺陷', { count: 5, category: 'bug' }],
  ['以上五条开工单\n#缺陷', { count: 5, category: 'bug' }],
  ['以上提issue', { count: 'default' }],
  ['以上开工单：安装失败', { count: 'default', title: '安装失败' }],
  ['以上五条开工单：安装失败', { count: 5, title: '安装失败' }],
  ['以上五条开工单:安装失败', { count: 5, title: '安装失败' }],
  ['以上五条开工单： 安装失败 ', { count: 5, title: '安装失败' }],
  ['以上五条开工单：安装失败。', { count: 5, title: '安装失败' }],
  ['以上五条开工单：为什么 Windows 上安装失败？', { count: 5, title: '为什么 Windows 上安装失败？' }],
  ['以上五条开工单\n安装失败', { count: 5, title: '安装失败' }],
  ['以上五条开工单：安装失败，谢谢！', { count: 5, title: '安装失败' }],
  ['以上三条开工单：登录报错 #缺陷', { count: 3, title: '登录报错', category: 'bug' }],
  ['以上三条开工单：登录报错#缺陷', { count: 3, title: '登录报错', category: 'bug' }],
  ['以上三条开工单 #需求', { count: 3, category: 'feature' }],
  ['以上三条开工单#文档', { count: 3, category: 'docs' }],
  ['以上三条开工单 #帮助：怎么配置代理', { count: 3, title: '怎么配置代理', category: 'question' }],
  ['以上三条开工单：C# 绑定缺失 #BUG', { count: 3, title: 'C# 绑定缺失', category: 'bug' }],
  ['以上三条开工单：同 #123', { count: 3, title: '同 #123' }],
  ['以上三条开工单 #bug #缺陷', { count: 3, category: 'bug' }],
  ['＠OSSChat 以上五条开工单', { count: 5 }],
  ['@OSSChat\u2005以上五条开工单', { count: 5 }],
  ['@ossChat 以上五条开工单', { count: 5 }],
  ['@小助手 以上五条开工单', { count: 5 }],
  ['以上五条开工单 @OSSChat', { count: 5 }],
  ['以上五条开工单 @OSSChat 谢谢！', { count: 5 }],
  ['\u200B以上五条开工单', { count: 5 }],
  ['开工单', { count: 'quoted' }, true],
  ['创建工单', { count: 'quoted' }, true],
  ['建工单', { count: 'quoted' }, true],
  ['提issue', { count: 'quoted' }, true],
  ['开issue！', { count: 'quoted' }, true],
  ['开工单：文档链接失效', { count: 'quoted', title: '文档链接失效' }, true],
  ['开工单 #文档', { count: 'quoted', category: 'docs' }, true],
  ['@OSSChat\u2005开工单', { count: 'quoted' }, true],
  ['以上五条开工单', { count: 5 }, true],
  ['/issue', { count: 'default' }],
  ['/issue', { count: 'default' }, true],
  ['/Issue', { count: 'default' }],
  ['／issue', { count: 'default' }],
  ['/issue 5', { count: 5 }],
  ['/issue ５', { count: 5 }],
  ['/issue 五', { count: 5 }],
  ['/issue5', { count: 5 }],
  ['/issue 5 login fails', { count: 5, title: 'login fails' }],
  ['/issue 5: login fails.', { count: 5, title: 'login fails' }],
  ['/issue login fails', { count: 'default', title: 'login fails' }],
  ['/issue 2fa codes rejected', { count: 'default', title: '2fa codes rejected' }],
  ['/issue 5 login fails #bug', { count: 5, title: 'login fails', category: 'bug' }],
  ['/issue #feature dark mode', { count: 'default', title: 'dark mode', category: 'feature' }],
  ['/issue 3 #Docs', { count: 3, category: 'docs' }],
  ['/issue #question', { count: 'default', category: 'question' }],
  ['/issue 5 login fails, thanks', { count: 5, title: 'login fails' }],
  ['/issue 5\nlogin   fails\non Windows', { count: 5, title: 'login fails on Windows' }],
  ['@OSSChat issue', { count: 'default' }],
  ['@OSSChat issue', { count: 'quoted' }, true],
  ['@OSSChat issue 5', { count: 5 }, true],
  ['@osschat Issue 5 login fails', { count: 5, title: 'login fails' }],
  ['@OSSChat\u2005issue 3 #bug', { count: 3, category: 'bug' }],
  ['@OSSChat /issue 4', { count: 4 }],
];

const broken: [string, Omit<Extract<IssueCommandParse, { ok: false }>, 'ok'>, boolean?][] = [
  ['以上几条开工单', { error: 'bad-count', detail: '几' }],
  ['以上好多条开工单', { error: 'bad-count', detail: '好多' }],
  ['以上若干条开工单', { error: 'bad-count', detail: '若干' }],
  ['以上十十条开工单', { error: 'bad-count', detail: '十十' }],
  ['以上一二条开工单', { error: 'bad-count', detail: '一二' }],
  ['以上零条开工单', { error: 'bad-count', detail: '零' }],
  ['以上0条开工单', { error: 'bad-count', detail: '0' }],
  ['以上-3条开工单', { error: 'bad-count', detail: '-3' }],
  ['以上2.5条开工单', { error: 'bad-count', detail: '2.5' }],
  ['以上99999999999999999999条开工单', { error: 'bad-count', detail: '99999999999999999999' }],
  ['/issue 0', { error: 'bad-count', detail: '0' }],
  ['/issue -3', { error: 'bad-count', detail: '-3' }],
  ['/issue 2.5', { error: 'bad-count', detail: '2.5' }],
  ['/issue 十十 login', { error: 'bad-count', detail: '十十' }],
  ['@OSSChat issue 0', { error: 'bad-count', detail: '0' }],
  ['开工单', { error: 'missing-quote' }],
  ['提issue', { error: 'missing-quote' }],
  ['开工单：安装失败', { error: 'missing-quote' }],
  ['@OSSChat 开工单', { error: 'missing-quote' }],
  ['/issue5x', { error: 'bad-form', detail: 'missing space after /issue' }],
  ['以上五条开工单 安装失败', { error: 'bad-form', detail: 'title needs a colon' }],
  ['以上三条开工单 #紧急', { error: 'bad-form', detail: 'unknown category #紧急' }],
  ['/issue 5 #bug #feature', { error: 'bad-form', detail: 'conflicting categories bug, feature' }],
  ['以上三条开工单：登录报错 #缺陷 #文档', { error: 'bad-form', detail: 'conflicting categories docs, bug' }],
];

describe('parseIssueCommand', () => {
  it('has enough cases', () => {
    expect(chat.length).toBeGreaterThanOrEqual(40);
    expect(commands.length).toBeGreaterThanOrEqual(40);
    expect(broken.length).toBeGreaterThanOrEqual(10);
  });

  it.each(chat)('leaves ordinary chat alone: %j', (text) => {
    expect(parse(text)).toBeUndefined();
    expect(parse(text, true)).toBeUndefined();
  });

  it.each(commands)('reads %j', (text, expected, quoting = false) => {
    expect(parse(text, quoting)).toEqual({ ok: true, ...expected });
  });

  it.each(broken)('rejects %j', (text, expected, quoting = false) => {
    expect(parse(text, quoting)).toEqual({ ok: false, ...expected });
  });

  it('strips only the bot’s own mention', () => {
    expect(parseIssueCommand('@OSSChat 以上五条开工单', { botNames: [], quoting: false })).toBeUndefined();
    expect(parseIssueCommand('@Bot.v2 以上五条开工单', { botNames: ['Bot.v2'], quoting: false })).toEqual({ ok: true, count: 5 });
    expect(parseIssueCommand('@Botxv2 以上五条开工单', { botNames: ['Bot.v2'], quoting: false })).toBeUndefined();
  });

  it('needs a mention for the bare English form', () => {
    expect(parse('issue')).toBeUndefined();
    expect(parse('issue 5')).toBeUndefined();
    expect(parse('@OSSChat issue 5')).toEqual({ ok: true, count: 5 });
  });
});
