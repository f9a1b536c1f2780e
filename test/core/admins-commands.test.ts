import { afterEach, describe, expect, it } from 'vitest';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

const CLAIM_HINT = '机器人还没有管理员：运行机器人的终端里显示了一个认领码，发送「认领 认领码」即可成为管理员';
const ASK_HINT = '想成为机器人管理员，请找一位管理员：他引用你的任意一条消息并发送「添加管理员」即可。';
const boss = { from: { id: 'boss', name: '老板' } };
const zhang = { from: { id: 'u1', name: '张三' } };
const li = { from: { id: 'u3', name: '李四', role: 'owner' as const } };

describe('/admins, /whois and refusals (the real bot, store and command table)', () => {
  let h: Harness;
  const last = () => h.sent.at(-1)?.text ?? '';
  afterEach(async () => h.close());

  it('tells a refused member how to become admin: the claim code while there is none, else ask an admin', async () => {
    h = await issueHarness({ issues: { allow: 'admins' } });
    for (const text of ['/admins', '/bind octo/other', '/subscribe octo/hello', '以上1条开工单']) {
      await h.say(text, zhang);
      expect(last(), text).toContain(CLAIM_HINT);
    }
    await h.store.admins.add({ platform: 'test', externalId: 'boss', addedBy: 'cli' });
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the roster re-reads stored admins every 2 s
    await h.say('/whois', zhang);
    expect(last()).toBe(`抱歉，只有管理员可以使用「whois」。\n${ASK_HINT}`);
    expect(last()).not.toContain('boss');
  });

  it('leaves a bare 管理员 (calling the group\'s admins) as chat; 管理员列表 lists the bot\'s', async () => {
    h = await issueHarness({ admins: ['boss'] });
    await h.say('管理员', zhang);
    expect(h.sent).toHaveLength(0);
    await h.say('管理员列表', boss);
    expect(last()).toContain('机器人管理员（1 位）');
  });

  it('lets an admin list, add (quoting or @-mentioning) and remove admins; a config admin is removed only in the config', async () => {
    h = await issueHarness({ admins: ['boss'] });
    const said = await h.say('我想帮忙管理', zhang);
    await h.say('大家好', li);
    await h.say('/admins add', { ...boss, replyTo: said.id });
    expect(last()).toBe('已把 张三（u1）设为机器人管理员。');
    await h.say('/admins', zhang);
    expect(last()).toBe('机器人管理员（2 位）：\n· 老板（boss）— 配置文件 admins\n· 张三（u1）— 数据库，由 boss 添加');
    await h.say('添加管理员 @李四', zhang);
    expect(last()).toBe('已把 李四（u3）设为机器人管理员。');
    await h.say('添加管理员 @王五', zhang);
    expect(last()).toContain('本群里找不到叫「王五」的人');
    await h.say('/admins remove @李四', boss);
    expect(last()).toBe('已移除机器人管理员 李四（u3）。');
    await h.say('/admins', li);
    expect(last()).toContain('抱歉，只有管理员可以使用「admins」。');
    await h.say('/admins remove boss', zhang);
    expect(last()).toBe('老板（boss）是配置文件里的管理员：请从 osschat.yaml 的 admins 中删除，再重启机器人。');
    expect((await h.store.admins.list()).map((admin) => admin.externalId)).toEqual(['u1']);
  });

  it('answers /whois quoting a message with the sender\'s platform id and role, to admins only', async () => {
    h = await issueHarness({ admins: ['boss'] });
    const said = await h.say('这个群谁管？', li);
    await h.say('/whois', { ...boss, replyTo: said.id });
    expect(last()).toBe('李四：平台 test，ID u3；群主。');
    await h.say('是谁', { ...li, replyTo: said.id });
    expect(last()).toContain(`抱歉，只有管理员可以使用「whois」。\n${ASK_HINT}`);
    const own = await h.say('我是老板', boss);
    await h.say('是谁？', { ...boss, replyTo: own.id });
    expect(last()).toBe('老板：平台 test，ID boss；机器人管理员（配置文件）。');
    await h.say('/whois', boss);
    expect(last()).toBe('请引用（回复）某人的消息，再发送「是谁」或「/whois」。');
  });
});
