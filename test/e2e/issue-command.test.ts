import { afterEach, describe, expect, it } from 'vitest';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

let h: Harness;
afterEach(async () => {
  expect(h.github.violations).toEqual([]);
  await h.close();
});

const issues = () => h.github.state.issues('octo/hello');
const lastReply = () => h.sent[h.sent.length - 1]?.text ?? '';

describe('以上N条开工单 against the local GitHub', () => {
  it('opens one issue holding the N messages before the command, and posts the link back', async () => {
    h = await issueHarness();
    await h.say('与本题无关的早先消息');
    await h.say('大家好，安装 OSSChat 的时候报错了。', { from: { id: 'u2', name: '李四' } });
    await h.say('什么错误？ @octocat 你看看', { from: { id: 'u3', name: '王五' } });
    await h.say('npm ERR! code ELIFECYCLE\n<details>at install</details>', { from: { id: 'u2', name: '李四' } });
    await h.say('[图片]', { kind: 'image', from: { id: 'u2', name: '李四' } });
    await h.say('应该是 node 版本太低', { from: { id: 'u3', name: '王五' } });
    const command = await h.say('以上五条开工单');
    expect(issues()).toHaveLength(1);
    const [issue] = issues();
    expect(issue!.title).toBe('安装 OSSChat 的时候报错了');
    const body = issue!.body!;
    const order = ['安装 OSSChat 的时候报错了', '什么错误', 'npm ERR!', '[图片]', '应该是 node 版本太低'].map((text) => body.indexOf(text));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(body).not.toContain('与本题无关');
    expect(body).toContain('`@octocat`');
    expect(body).not.toMatch(/(^|[^`])@octocat/);
    expect(body).toContain('&lt;details>');
    expect(body).toContain('**李四**');
    expect(body).toContain('10:00'); // 02:00 UTC shown in Asia/Shanghai
    expect(body).toMatch(/OSSChat 开发者群[\s\S]*张三[\s\S]*OSSChat 9\.9\.9/);
    expect(body.trimEnd().split('\n').pop()).toMatch(/^<!-- osschat:chat-[0-9a-f]{24} -->$/);
    expect(h.sent).toEqual([{ room: 'r1', replyTo: command.id, text: '已创建工单 #1：安装 OSSChat 的时候报错了\nhttps://github.com/octo/hello/issues/1' }]);
    const link = await h.store.issueLinks.findByIssue('octo/hello', 1);
    expect(link).toMatchObject([{ messageCount: 5, issueUrl: 'https://github.com/octo/hello/issues/1' }]);
  });

  it('takes a title, maps a category tag to labels, and skips the bot and other commands', async () => {
    h = await issueHarness({ issues: { labels: ['from-chat'] } });
    await h.say('登录页面白屏');
    await h.say('收到，我看看', { self: true, from: { id: 'bot', name: 'OSSChat' } });
    await h.say('/bind', { from: { id: 'u9' } });
    await h.say('Chrome 也一样', { from: { id: 'u2', name: '李四' } });
    await h.say('以上两条开工单：登录白屏 #缺陷');
    const [issue] = issues();
    expect(issue).toMatchObject({ title: '登录白屏', labels: ['from-chat', 'bug'] });
    expect(issue!.body).toContain('登录页面白屏');
    expect(issue!.body).toContain('Chrome 也一样');
    expect(issue!.body).not.toContain('收到，我看看');
  });

  it('uses what exists when fewer messages are there, and says so', async () => {
    h = await issueHarness();
    await h.say('只有一条');
    await h.say('/issue 5 short history');
    expect(issues()[0]?.title).toBe('short history');
    expect(lastReply()).toContain('只找到 1 条消息，少于要求的 5 条');
  });

  it('takes the current conversation without N, leaves the interleaved one out, and says how many and from whom', async () => {
    h = await issueHarness();
    const from = (id: string, name: string) => ({ from: { id, name } });
    await h.say('有人遇到过 webhook 签名校验失败吗？一直返回 401', from('u1', '张三'));
    await h.say('张三 你的 secret 和 GitHub 上配置的一致吗？', from('u2', '李四'));
    await h.say('请问 1.2 版本什么时候发布？', from('u3', '王五'));
    await h.say('@李四 一致的，我复制了两遍', from('u1', '张三'));
    await h.say('@王五 计划下周一发布', from('u4', '赵六'));
    await h.say('张三 那看看是不是有反向代理改写了请求 body', from('u2', '李四'));
    await h.say('以上开工单');
    const body = issues()[0]!.body!;
    expect(body).toContain('一致的，我复制了两遍');
    expect(body).toContain('反向代理改写了请求 body');
    expect(body).not.toContain('1.2 版本');
    expect(body).not.toContain('计划下周一发布');
    expect(lastReply()).toContain('取了当前这段对话的 4 条消息（来自 张三、李四）');
  });

  it('does not take again what an earlier issue command took from the conversation', async () => {
    h = await issueHarness();
    await h.say('构建失败了，报 node-gyp 错误？');
    await h.say('张三 装一下 python3 和 g++', { from: { id: 'u2', name: '李四' } });
    await h.say('以上开工单');
    await h.say('李四 装了还是一样', { from: { id: 'u1', name: '张三' } });
    await h.say('以上开工单');
    expect(issues()).toHaveLength(2);
    expect(issues().find((i) => i.number === 2)!.body).not.toContain('装一下 python3');
    expect(lastReply()).toContain('取了当前这段对话的 1 条消息（来自 张三）');
  });

  it('opens an issue from one quoted message', async () => {
    h = await issueHarness();
    const question = await h.say('怎么配置 webhook？', { from: { id: 'u2', name: '李四' } });
    await h.say('无关的消息');
    await h.say('开工单', { replyTo: question.id });
    expect(issues()[0]?.body).toContain('怎么配置 webhook？');
    expect(issues()[0]?.body).not.toContain('无关的消息');
  });

  it('refuses politely: too many, unbound room, not allowed, malformed', async () => {
    h = await issueHarness({ issues: { maxCount: 50, allow: 'members', members: ['u2'] }, admins: ['u9'] });
    await h.say('hello', { from: { id: 'u2', name: '李四' } });
    await h.say('以上一百条开工单', { from: { id: 'u2', name: '李四' } });
    expect(lastReply()).toBe('一次最多 50 条消息，请写一个不超过 50 的数字。');
    await h.say('以上一条开工单', { from: { id: 'u3', name: '王五' } });
    expect(lastReply()).toBe('抱歉，本群只有指定成员和管理员可以开工单。\n想成为机器人管理员，请找一位管理员：他引用你的任意一条消息并发送「添加管理员」即可。');
    await h.say('以上一条开工单', { from: { id: 'u2', name: '李四' }, room: { id: 'r2', topic: '闲聊群' } });
    expect(lastReply()).toContain('本群还没有绑定仓库');
    await h.say('以上几条开工单', { from: { id: 'u2', name: '李四' } });
    expect(lastReply()).toContain('没看懂条数');
    await h.say('开工单', { from: { id: 'u2', name: '李四' } });
    expect(lastReply()).toContain('请先引用');
    expect(issues()).toHaveLength(0);
  });

  it('stays silent on ordinary chat that contains the words', async () => {
    h = await issueHarness();
    for (const text of ['开工单的流程是什么？', '以上说的开工单功能很好用', 'I will open an issue later']) await h.say(text);
    expect(h.sent).toEqual([]);
  });

  it('binds a room in chat (admins only) and opens issues there', async () => {
    h = await issueHarness({ admins: ['u9'], rooms: {} });
    await h.say('绑定 octo/other');
    expect(lastReply()).toBe('抱歉，只有管理员可以使用「bind」。\n想成为机器人管理员，请找一位管理员：他引用你的任意一条消息并发送「添加管理员」即可。');
    await h.say('绑定 octo/other', { from: { id: 'u9', name: 'Admin' } });
    expect(lastReply()).toContain('已绑定 octo/other');
    await h.say('一个问题');
    await h.say('/issue 1');
    expect(h.github.state.issues('octo/other')).toHaveLength(1);
  });

  it('answers in English in an English room', async () => {
    h = await issueHarness({ rooms: { r1: { repo: 'octo/hello', locale: 'en' } } });
    await h.say('The installer crashes on Windows. Any idea?');
    await h.say('/issue 1');
    expect(lastReply()).toBe('Opened issue #1: The installer crashes on Windows\nhttps://github.com/octo/hello/issues/1');
  });

  it('lists possible duplicates in the reply and the body, and still files when search fails', async () => {
    h = await issueHarness();
    h.github.state.addIssue('octo/hello', { title: 'webhook signature fails behind proxy' });
    await h.say('webhook signature fails');
    await h.say('/issue 1');
    expect(lastReply()).toContain('可能相关：#1 webhook signature fails behind proxy');
    expect(h.github.state.issue('octo/hello', 2)?.body).toContain('可能相关');
    h.github.faults.next({ status: 500, match: { path: /search/ } }, { status: 500, match: { path: /search/ } }, { status: 500, match: { path: /search/ } });
    await h.say('webhook signature fails again');
    await h.say('/issue 1');
    expect(h.github.state.issues('octo/hello')).toHaveLength(3);
  });
});

describe('GitHub failures', () => {
  it('tells the group what an admin must do on 401 and 404, and files nothing', async () => {
    h = await issueHarness({ token: 'wrong-token' });
    await h.say('something broke');
    await h.say('/issue 1');
    expect(lastReply()).toContain('GitHub 拒绝了 OSSChat 的凭据（401）');
    expect(await h.store.outbox.list('failed')).toHaveLength(1);
    await h.close();
    h = await issueHarness({ rooms: { r1: { repo: 'octo/missing' } } });
    await h.say('something broke');
    await h.say('/issue 1');
    expect(lastReply()).toContain('找不到仓库 octo/missing（404）');
    // The duplicate search of a missing repository is refused by GitHub too (422), and filing goes on.
    expect(h.github.violations.map((v) => v.path)).toEqual(['/search/issues']);
    h.github.violations.length = 0;
  });

  it('retries 5xx and rate limits and opens exactly one issue', async () => {
    h = await issueHarness();
    const post = { method: 'POST', path: /\/issues$/ };
    h.github.faults.next({ status: 502, match: post }, { status: 503, match: post }, { status: 500, match: post }, { rateLimit: 'secondary', match: post }, { status: 500, match: post });
    await h.say('flaky GitHub');
    await h.say('/issue 1');
    expect(issues()).toHaveLength(1);
    expect(lastReply()).toContain('已创建工单 #1');
    expect(h.sent.filter((m) => m.text.includes('已创建工单'))).toHaveLength(1);
  });

  it('finds the issue an interrupted attempt created instead of opening a second one', async () => {
    h = await issueHarness();
    // GitHub creates the issue but the answer never arrives (the connection drops).
    h.github.faults.next({ dropAfter: true, match: { method: 'POST', path: /\/issues$/ } });
    await h.say('created but unanswered');
    await h.say('/issue 1');
    expect(issues()).toHaveLength(1);
    expect(lastReply()).toContain('已创建工单 #1');
    const posts = h.github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues'));
    expect(posts).toHaveLength(1);
    expect(h.github.requests.some((r) => r.method === 'GET' && r.path === '/repos/octo/hello/issues')).toBe(true);
  });

  it('opens one issue when GitHub creates it after the call timed out', async () => {
    h = await issueHarness({ forgeTimeoutMs: 300, lateWriteMs: 800 });
    // GitHub is slow: it creates the issue 500 ms after the request, when the bot has given up on it.
    h.github.faults.next({ delayMs: 500, match: { method: 'POST', path: /\/issues$/ } });
    await h.say('slow to create');
    await h.say('/issue 1');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(issues()).toHaveLength(1);
    expect(lastReply()).toContain('已创建工单 #1');
  });

  it('tells the group when GitHub stays down, keeping the job as failed', async () => {
    h = await issueHarness({ maxAttempts: 4 });
    for (let i = 0; i < 20; i++) h.github.faults.next({ status: 503, match: { method: 'POST', path: /\/issues$/ } });
    await h.say('GitHub is down');
    await h.say('/issue 1');
    expect(issues()).toHaveLength(0);
    expect(lastReply()).toContain('GitHub 暂时无法访问，已重试 4 次');
    expect((await h.store.outbox.list('failed'))[0]?.lastError).toMatch(/503/);
  });
});
