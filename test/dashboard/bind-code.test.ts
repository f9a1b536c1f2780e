import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BIND_CODE_BACKOFF } from '../../src/core/tenants/bind-code-backoff.js';
import { bindCodeFrom, normalizeBindCode } from '../../src/core/tenants/tenant.js';
import { bindCodeCommand } from '../../src/core/tenants/bind-code.command.js';
import { bindCommand } from '../../src/core/commands/bind.command.js';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

const info = { quoting: false, botNames: ['OSSChat'] };

describe('bind code parsing', () => {
  it('takes 绑定 CODE and /bind CODE, with or without the dash, in any case', () => {
    expect(bindCodeCommand.parse('绑定 7KQ2-M9XP', info)).toEqual({ code: '7KQ2-M9XP' });
    expect(bindCodeCommand.parse('/bind 7kq2m9xp', info)).toEqual({ code: '7KQ2-M9XP' });
    expect(bindCodeCommand.parse('绑定码：7KQ2-M9XP', info)).toEqual({ code: '7KQ2-M9XP' });
  });

  it('leaves repositories, chat and the other bind forms to the bind command', () => {
    for (const text of ['绑定 octo/hello', '/bind octo/hello', '/bind', '绑定', '绑定手机号', '绑定 password', '解绑']) {
      expect(bindCodeCommand.parse(text, info), text).toBeUndefined();
    }
    expect(bindCommand.parse('绑定 octo/hello', info)).toEqual({ action: 'bind', repo: 'octo/hello' });
  });

  it('makes codes the parser reads back', () => {
    const code = bindCodeFrom(new Uint8Array([0, 1, 2, 3, 255, 254, 31, 32]));
    expect(normalizeBindCode(code)).toBe(code);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
});

// The group's owner as the platform reports it: only an owner, an admin or a configured admin may say a code.
const owner = { from: { id: 'u1', name: '张三', role: 'owner' as const } };

describe('绑定 CODE in a group', () => {
  let h: Harness;
  const lastReply = () => h.sent.at(-1)?.text ?? '';
  beforeEach(async () => {
    h = await issueHarness({ rooms: {} });
  });
  afterEach(async () => h.close());

  async function tenantCode(login: string, repo: string, ttlMs = 60_000) {
    const tenant = await h.store.tenants.ensureAccount(login, 'user', login);
    return { tenant, code: (await h.store.tenants.createBindCode(tenant.id, repo, login, ttlMs)).code };
  }

  it('links the room to the tenant and the repository, once, when the group\'s owner says it', async () => {
    const { tenant, code } = await tenantCode('alice', 'octo/hello');
    await h.say(`绑定 ${code}`, owner);
    expect(lastReply()).toBe('绑定成功：本群已加入社区 alice，绑定仓库 octo/hello。管理员可以在管理后台查看和修改。');
    const [room] = await h.store.tenants.rooms(tenant.id);
    expect(room).toMatchObject({ externalId: 'r1', repo: 'octo/hello' });
    await h.say(`/bind ${code}`, owner);
    expect(lastReply()).toContain('已经用过了');
    await h.say('安装失败了，怎么办');
    await h.say('以上1条开工单');
    expect(lastReply()).toContain('已创建工单 #1');
  });

  it('confirms in the room\'s language', async () => {
    const en = await issueHarness({ rooms: { r1: { locale: 'en' } } });
    try {
      const tenant = await en.store.tenants.ensureAccount('octo', 'org', 'alice');
      const { code } = await en.store.tenants.createBindCode(tenant.id, 'octo/hello', 'alice', 60_000);
      await en.say(`/bind ${code}`, owner);
      expect(en.sent.at(-1)?.text).toBe('Bound: this room now belongs to octo and opens issues in octo/hello. Admins can change it in the dashboard.');
    } finally {
      await en.close();
    }
  });

  it('refuses unknown and expired codes', async () => {
    await h.say('/bind ABCD-EFGH', owner);
    expect(lastReply()).toContain('不存在');
    const { code } = await tenantCode('alice', 'octo/hello', -1);
    await h.say(`绑定 ${code}`, owner);
    expect(lastReply()).toContain('已过期');
  });

  it('never moves a room another tenant owns', async () => {
    const alice = await tenantCode('alice', 'octo/hello');
    await h.say(`绑定 ${alice.code}`, owner);
    const mallory = await tenantCode('mallory', 'octo/other');
    await h.say(`绑定 ${mallory.code}`, owner);
    expect(lastReply()).toContain('另一个社区');
    expect(await h.store.tenants.rooms(mallory.tenant.id)).toEqual([]);
    expect((await h.store.rooms.findByExternalId('test', 'r1'))?.repo).toBe('octo/hello');
  });
});

describe('who may say a bind code (issue 14: group takeover)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await issueHarness({ rooms: {}, admins: ['op'] });
  });
  afterEach(async () => h.close());

  const roomOf = async () => (await h.store.rooms.findByExternalId('test', 'r1'))!;
  const freshCode = async () => {
    const tenant = await h.store.tenants.ensureAccount('mallory', 'user', 'mallory');
    return { tenant, code: (await h.store.tenants.createBindCode(tenant.id, 'octo/other', 'mallory', 60_000)).code };
  };

  it('refuses a member who is not the group\'s owner or admin, in both languages, and the room stays as it was', async () => {
    const { tenant, code } = await freshCode();
    await h.say(`绑定 ${code}`, { from: { id: 'u2', name: '李四', role: 'member' } });
    expect(h.sent.at(-1)?.text).toBe('抱歉，只有群主、群管理员或机器人管理员可以使用「bind-code」。\n想成为机器人管理员，请找一位管理员：他引用你的任意一条消息并发送「添加管理员」即可。');
    await h.say(`/bind ${code}`, { from: { id: 'u3', name: 'Eve' } });
    expect(await h.store.tenants.tenantOfRoom((await roomOf()).id)).toBeNull();
    expect((await h.store.tenants.openBindCodes(tenant.id)).map((open) => open.code)).toEqual([code]);
    const en = await issueHarness({ rooms: { r1: { locale: 'en' } } });
    try {
      await en.say(`/bind ${code}`, { from: { id: 'u2', role: 'member' } });
      expect(en.sent.at(-1)?.text).toBe('Sorry, only the group\'s owner or admins (or the bot\'s admins) can use "bind-code".\nThis bot has no admin yet: the terminal where it runs shows a claim code; say /claim CODE to become admin (osschat admins code, run there, prints a new one).');
    } finally {
      await en.close();
    }
  });

  it('remembers the role per room: the owner of one group is nobody in another', async () => {
    await h.say('我是群主', { from: { id: 'u1', name: '张三', role: 'owner' } });
    const { code } = await freshCode();
    await h.say(`绑定 ${code}`, { room: { id: 'r2', topic: '别的群' } });
    expect(h.sent.at(-1)?.text).toContain('只有群主、群管理员或机器人管理员');
    await h.say(`绑定 ${code}`);
    expect(h.sent.at(-1)?.text).toContain('绑定成功');
  });

  it('a group admin (role admin) may redeem in a room nobody owns', async () => {
    const { tenant, code } = await freshCode();
    await h.say(`/bind ${code}`, { from: { id: 'u4', name: '管理员', role: 'admin' } });
    expect(await h.store.tenants.tenantOfRoom((await roomOf()).id)).toBe(tenant.id);
  });

  it('never re-homes a room bound in chat by the configuration\'s admin, unless that admin says the code', async () => {
    await h.say('绑定 octo/hello', { from: { id: 'op' } });
    const { tenant, code } = await freshCode();
    await h.say(`绑定 ${code}`, owner);
    expect(h.sent.at(-1)?.text).toContain('群里的绑定码不能把它移到社区');
    expect(await roomOf()).toMatchObject({ repo: 'octo/hello', archivePublic: false });
    expect(await h.store.tenants.tenantOfRoom((await roomOf()).id)).toBeNull();
    await h.say(`绑定 ${code}`, { from: { id: 'op' } });
    expect(await roomOf()).toMatchObject({ repo: 'octo/other' });
    expect(await h.store.tenants.tenantOfRoom((await roomOf()).id)).toBe(tenant.id);
  });

  it('never re-homes a room the configuration lists', async () => {
    const configured = await issueHarness({ rooms: { r1: { configured: true } } });
    try {
      const tenant = await configured.store.tenants.ensureAccount('mallory', 'user', 'mallory');
      const { code } = await configured.store.tenants.createBindCode(tenant.id, 'octo/other', 'mallory', 60_000);
      await configured.say(`绑定 ${code}`, owner);
      expect(configured.sent.at(-1)?.text).toContain('本群由机器人的配置文件管理');
      expect(await configured.store.tenants.rooms(tenant.id)).toEqual([]);
    } finally {
      await configured.close();
    }
  });
});

describe('guessing bind codes (issue 14: codes guessed at chat speed)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await issueHarness({ rooms: {} });
  });
  afterEach(async () => h.close());

  const wrong = (i: number) => `/bind ${bindCodeFrom(new Uint8Array([i, i + 1, i + 2, i + 3, 7, 7, 7, i]))}`;
  const count = (needle: string) => h.sent.filter((m) => m.text.includes(needle)).length;

  it('answers a few wrong codes, says once to wait, then goes quiet; even a right code is not redeemed meanwhile', async () => {
    for (let i = 0; i < 30; i++) await h.say(wrong(i), owner);
    expect(count('不存在')).toBe(BIND_CODE_BACKOFF.perMember - 1);
    expect(count('绑定码错误次数太多。请 15 分钟后再试')).toBe(1);
    expect(h.sent).toHaveLength(BIND_CODE_BACKOFF.perMember);
    const tenant = await h.store.tenants.ensureAccount('alice', 'user', 'alice');
    const { code } = await h.store.tenants.createBindCode(tenant.id, 'octo/hello', 'alice', 60_000);
    await h.say(`绑定 ${code}`, owner);
    expect(h.sent).toHaveLength(BIND_CODE_BACKOFF.perMember);
    expect(await h.store.tenants.rooms(tenant.id)).toEqual([]);
  });

  it('locks the room after its limit, whoever guesses, and lifts the lock once the window has passed', async () => {
    const admins = Array.from({ length: 6 }, (_, i) => ({ from: { id: `admin${i}`, role: 'admin' as const } }));
    for (let i = 0; i < BIND_CODE_BACKOFF.perRoom; i++) await h.say(wrong(i), admins[i % 5]);
    expect(count('绑定码错误次数太多')).toBe(1);
    const answered = h.sent.length;
    await h.say(wrong(40), admins[5]);
    expect(h.sent).toHaveLength(answered);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + BIND_CODE_BACKOFF.windowMs + 1000 });
    try {
      await h.say(wrong(41), admins[5]);
      expect(h.sent.at(-1)?.text).toContain('不存在');
    } finally {
      vi.useRealTimers();
    }
  });
});
