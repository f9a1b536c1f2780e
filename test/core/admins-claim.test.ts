import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLAIM_BACKOFF, claimCommand } from '../../src/core/admins/claim.command.js';
import { hashClaimCode, newClaimCode, normalizeClaimCode } from '../../src/core/admins/claim-code.js';
import { issueClaimCode } from '../../src/core/admins/issue-claim-code.js';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

const info = { quoting: false, botNames: ['OSSChat'] };
const member = (id: string) => ({ from: { id, name: id } });

describe('claim codes', () => {
  it('are 12 characters of the readable alphabet (60 bits), read back however they are typed', () => {
    const code = newClaimCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(normalizeClaimCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    expect(normalizeClaimCode('ＡＢＣＤ－ＥＦＧＨ－ＪＫＬＭ')).toBe('ABCD-EFGH-JKLM');
    expect(normalizeClaimCode('ABCD-EFGH-JKL0')).toBeUndefined();
  });

  it('parses /claim with anything after it, and 认领 only before something code-like', () => {
    expect(claimCommand.parse('认领 7KQ2-M9XP-4RTA', info)).toEqual({ code: '7KQ2-M9XP-4RTA' });
    expect(claimCommand.parse('/claim typo', info)).toEqual({ code: 'typo' });
    expect(claimCommand.parse('/claim', info)).toEqual({ code: '' });
    expect(claimCommand.parse('@OSSChat\u2005认领 7KQ2-M9XP-4RTA', info)).toEqual({ code: '7KQ2-M9XP-4RTA' });
    for (const chat of ['认领失物', '认领一下这个任务', '认领']) expect(claimCommand.parse(chat, info), chat).toBeUndefined();
  });
});

describe('/claim in chat (the real bot, store and command table)', () => {
  let h: Harness;
  const replies = () => h.sent.map((message) => message.text);
  beforeEach(async () => {
    h = await issueHarness({ rooms: {} });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await h.close();
  });

  const wrong = (i: number) => `/claim ${newClaimCode(new Uint8Array(12).fill(i))}`;

  it('answers a few wrong codes, says once to wait, then ignores codes from that member, even the right one', async () => {
    const code = (await issueClaimCode(h.store, []))!;
    for (let i = 0; i < CLAIM_BACKOFF.perMember + 3; i++) await h.say(wrong(i), member('guesser'));
    expect(replies().filter((text) => text.startsWith('认领码不对'))).toHaveLength(CLAIM_BACKOFF.perMember - 1);
    expect(replies().filter((text) => text.startsWith('认领码错误次数太多。请 15 分钟后再试'))).toHaveLength(1);
    expect(h.sent).toHaveLength(CLAIM_BACKOFF.perMember);
    await h.say(`认领 ${code}`, member('guesser'));
    expect(h.sent).toHaveLength(CLAIM_BACKOFF.perMember);
    expect(await h.store.admins.list()).toEqual([]);
    // Another member is not locked out by the guesser.
    await h.say(`认领 ${code}`, member('owner'));
    expect(replies().at(-1)).toMatch(/^认领成功：你（owner）现在是机器人管理员了/);
  });

  it('stops answering everyone after the global limit, until the window has passed', async () => {
    const code = (await issueClaimCode(h.store, []))!;
    const guessers = Array.from({ length: CLAIM_BACKOFF.perScope / 4 }, (_, i) => member(`g${i}`));
    for (let i = 0; i < CLAIM_BACKOFF.perScope; i++) await h.say(wrong(i), guessers[i % guessers.length]);
    expect(replies().filter((text) => text.startsWith('认领码错误次数太多'))).toHaveLength(1);
    const answered = h.sent.length;
    await h.say(`/claim ${code}`, member('owner'));
    expect(h.sent).toHaveLength(answered);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + CLAIM_BACKOFF.windowMs + 1000 });
    await h.say(`/claim ${code}`, member('owner'));
    expect(replies().at(-1)).toMatch(/^认领成功/);
  });

  it('refuses an expired code, and says how to get a new one', async () => {
    const code = (await issueClaimCode(h.store, []))!;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61 * 60_000 });
    await h.say(`认领 ${code}`, member('owner'));
    expect(replies()).toEqual(['这个认领码已过期（有效期 60 分钟）。请在运行机器人的机器上执行 osschat admins code 生成新的。']);
    expect(await h.store.admins.list()).toEqual([]);
  });

  it('works in a direct chat with the bot, once; then every code is refused and no new one is issued', async () => {
    const code = (await issueClaimCode(h.store, []))!;
    const direct = { room: null, from: { id: 'owner', name: '群主' } };
    await h.say(`/claim ${code.toLowerCase()}`, direct);
    expect(h.sent.at(-1)).toMatchObject({ room: 'owner', direct: true, text: expect.stringMatching(/^认领成功/) });
    const fresh = newClaimCode();
    await h.store.admins.createClaimCode(hashClaimCode(fresh), new Date(Date.now() + 60_000));
    await h.say(`/claim ${fresh}`, member('rival'));
    expect(replies().at(-1)).toMatch(/^这个机器人已经有管理员了/);
    expect((await h.store.admins.list()).map((admin) => admin.externalId)).toEqual(['owner']);
    expect(await issueClaimCode(h.store, [])).toBeUndefined();
    await h.say('/claim', direct);
    expect(replies().at(-1)).toBe('你已经是机器人管理员了。');
  });
});
