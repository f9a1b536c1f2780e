import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  it('links the room to the tenant and the repository, once, and anyone holding the code may say it', async () => {
    const { tenant, code } = await tenantCode('alice', 'octo/hello');
    await h.say(`绑定 ${code}`);
    expect(lastReply()).toBe('绑定成功：本群已加入社区 alice，绑定仓库 octo/hello。管理员可以在管理后台查看和修改。');
    const [room] = await h.store.tenants.rooms(tenant.id);
    expect(room).toMatchObject({ externalId: 'r1', repo: 'octo/hello' });
    await h.say(`/bind ${code}`);
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
      await en.say(`/bind ${code}`);
      expect(en.sent.at(-1)?.text).toBe('Bound: this room now belongs to octo and opens issues in octo/hello. Admins can change it in the dashboard.');
    } finally {
      await en.close();
    }
  });

  it('refuses unknown and expired codes', async () => {
    await h.say('/bind ABCD-EFGH');
    expect(lastReply()).toContain('不存在');
    const { code } = await tenantCode('alice', 'octo/hello', -1);
    await h.say(`绑定 ${code}`);
    expect(lastReply()).toContain('已过期');
  });

  it('never moves a room another tenant owns', async () => {
    const alice = await tenantCode('alice', 'octo/hello');
    await h.say(`绑定 ${alice.code}`);
    const mallory = await tenantCode('mallory', 'octo/other');
    await h.say(`绑定 ${mallory.code}`);
    expect(lastReply()).toContain('另一个社区');
    expect(await h.store.tenants.rooms(mallory.tenant.id)).toEqual([]);
    expect((await h.store.rooms.findByExternalId('test', 'r1'))?.repo).toBe('octo/hello');
  });
});
