import { afterEach, describe, expect, it } from 'vitest';
import { issueHarness, type Harness } from '../helpers/issue-harness.js';

// What chat writes to GitHub, attacked through the bot's real entry point (bot.handle) and checked on the local GitHub.
let h: Harness;
afterEach(async () => {
  expect(h.github.violations).toEqual([]);
  await h.close();
});

const issue = (number = 1) => h.github.state.issue('octo/hello', number)!;
const lastReply = () => h.sent[h.sent.length - 1]?.text ?? '';
/** The body without its code spans: what GitHub would still read as markdown and autolink. */
const outsideCode = (body: string) => body.replace(/(`+)[^`]*?\1/g, ' ');
// Bidi embeddings, overrides, isolates and marks; zero-width and other invisible format characters.
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/u;

/** What GitHub would link by itself in markdown: references, mentions, GitHub links, markdown links and images. */
function liveLinks(body: string): string[] {
  const text = outsideCode(body);
  const patterns = [
    /(?<![\w/.`-])#\d+\b/g, /\b[\w.-]+\/[\w.-]+#\d+\b/g, /\bGH-\d+\b/gi, /\b[\w.-]+(?:\/[\w.-]+)?@[0-9a-f]{7,40}\b/g,
    /(?<![\w`])@[A-Za-z0-9][\w-]*/g, /https?:\/\/(?:www\.)?github\.com\/\S*/g, /(?<!\\)\]\(/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0]));
}

describe('item 30: references, GitHub links, markdown links and images in transcripts are defused', () => {
  it('leaves nothing GitHub would link or load, and keeps the text readable', async () => {
    h = await issueHarness();
    const text = [
      'fixed by #1 and octo/other#2, see GH-3 and octo/other@a5c3785ed8d6a35868bc169f07e40e889087fd2e',
      'full link https://github.com/octo/other/issues/4 and pull https://github.com/octo/other/pull/5.',
      'click [here](https://evil.example/x) or [#6](https://github.com/octo/other/issues/6)',
      '![tracker](https://tracker.example/pixel.png) ping @octocat',
    ].join('\n');
    await h.say(text);
    await h.say('/issue 1 references');
    const body = issue().body!;
    expect(liveLinks(body)).toEqual([]);
    for (const readable of ['`#1`', '`octo/other#2`', '`GH-3`', '`octo/other@a5c3785ed8d6a35868bc169f07e40e889087fd2e`', '`https://github.com/octo/other/issues/4`', '`https://github.com/octo/other/pull/5`.', 'click [here\\](`https://evil.example/x`)', '![tracker\\](`https://tracker.example/pixel.png`)', '`@octocat`']) {
      expect(body).toContain(readable);
    }
  });

  it('defuses the same forms in a comment body', async () => {
    h = await issueHarness();
    h.github.state.addIssue('octo/hello', { title: 'x' });
    await h.say('/comment 1 dup of #7 and octo/other#8, ![x](https://tracker.example/p.png) https://github.com/octo/other/issues/9');
    const [comment] = h.github.state.comments('octo/hello', 1);
    expect(liveLinks(comment!.body)).toEqual([]);
    expect(comment!.body).toContain('dup of `#7` and `octo/other#8`');
  });
});

describe('item 16: secrets and personal data are redacted from issues', () => {
  const leaky = [
    'my token ghp_abcdefghijklmnopqrstuvwxyz0123456789 and AKIAIOSFODNN7EXAMPLE',
    'password: hunter2, call me on 13812345678 or mail zhang.san@example.com',
  ];
  const secrets = ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'AKIAIOSFODNN7EXAMPLE', 'hunter2'];

  it('never lets tokens, keys, passwords, phones or e-mails into the body or the title', async () => {
    h = await issueHarness();
    for (const text of leaky) await h.say(text);
    await h.say('/issue 2 mail zhang.san@example.com or 13812345678, key AKIAIOSFODNN7EXAMPLE');
    const { title, body } = issue();
    for (const hidden of [...secrets, '13812345678', 'zhang.san@example.com']) expect(`${title}\n${body}`).not.toContain(hidden);
    expect(body).toContain('[secret]');
    expect(`${title}\n${body}`).toMatch(/\[phone\][\s\S]*\[email\]/);
  });

  it('keeps phones and e-mails when issues.redact turns them off, never the secrets', async () => {
    h = await issueHarness({ issues: { redact: { phones: false, emails: false } } });
    for (const text of leaky) await h.say(text);
    await h.say('/issue 2');
    const { title, body } = issue();
    for (const hidden of secrets) expect(`${title}\n${body}`).not.toContain(hidden);
    expect(body).toContain('13812345678');
    expect(body).toContain('zhang.san@example.com');
  });
});

describe('item 20: bidi and zero-width controls in names and topics', () => {
  it('stores clean names and topics and keeps them out of the issue, emoji intact', async () => {
    h = await issueHarness();
    const room = { id: 'r1', topic: 'OSSChat\u200D开发\u200B者群\u2066\uFEFF' };
    await h.say('\u202Egnp.exe 打不开 👨‍👩‍👧', { room, from: { id: 'u5', name: '\u202Eadmin\u202C' } });
    await h.say('以上一条开工单', { room, from: { id: 'u6', name: '\u2067张\u200F三\u2069' } });
    const stored = await h.store.rooms.findByExternalId('test', 'r1');
    expect(stored?.topic).toBe('OSSChat开发者群');
    const message = await h.store.messages.findByPlatformId(stored!.id, 'm1');
    expect((await h.store.members.findById(message!.senderId))?.name).toBe('admin');
    const { title, body } = { title: issue().title, body: issue().body! };
    expect(title).toBe('gnp.exe 打不开');
    expect(body).toContain('**admin** · ');
    expect(body).toContain('> [U+202E]gnp.exe 打不开 👨‍👩‍👧');
    expect(body).toContain('来自群「OSSChat开发者群」，由 张三 于');
    expect(HIDDEN.test(`${title}\n${body.replace('👨‍👩‍👧', '')}`)).toBe(false);
  });
});

describe('item 15: the credit line of a comment cannot be forged or hidden by the sender name', () => {
  const hostile: [string, string][] = [
    ['u11', '张三\n\n> **@octocat** (maintainer): approved, merging now'],
    ['u12', '李四 <!-- '],
    ['u13', '[官方维护者](https://github.com/octo)'],
    ['u14', '# Maintainer'],
    ['u15', 'x'.repeat(500)],
    ['u16', '\u202E\u200B\u2060'],
  ];

  it.each(hostile)('member %s: one visible, escaped credit line right above the marker', async (id, name) => {
    h = await issueHarness();
    h.github.state.addIssue('octo/hello', { title: 'x' });
    await h.say('/comment 1 谢谢，已确认', { from: { id, name } });
    expect(lastReply()).toMatch(/^已评论 #1/);
    const lines = h.github.state.comments('octo/hello', 1)[0]!.body.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 2)).toEqual(['谢谢，已确认', '']);
    const credit = lines[2]!;
    expect(credit).toMatch(/^— .+ 在「OSSChat 开发者群」通过 OSSChat 发表$/);
    expect(lines[3]).toMatch(/^<!-- osschat:comment-[0-9a-f]{24} -->$/);
    expect(liveLinks(credit)).toEqual([]);
    expect(outsideCode(credit)).not.toMatch(/(?<!\\)[*_#>[\]<]|&(?!lt;)/);
    expect(HIDDEN.test(credit)).toBe(false);
    const shown = credit.slice(2, credit.indexOf(' 在「'));
    expect([...shown.replace(/[\\`]/g, '')].length).toBeLessThanOrEqual(48);
    if (id === 'u16') expect(shown).toBe('u16');
  });
});

describe('item 28: the duplicate search stays within what GitHub accepts', () => {
  const searches = () => h.github.requests.filter((r) => r.path === '/search/issues');

  it('files an issue whose title is one 2,000-character word, with no refused search', async () => {
    h = await issueHarness();
    await h.say('something broke');
    await h.say(`/issue 1 ${'a'.repeat(2000)}`);
    expect(lastReply()).toMatch(/^已创建工单 #1/);
    expect(searches().every((r) => r.status === 200)).toBe(true);
  });

  it('searches with the ordinary words of a title that also has a very long one', async () => {
    h = await issueHarness();
    h.github.state.addIssue('octo/hello', { title: 'installer crashes on windows' });
    await h.say('something broke');
    await h.say(`/issue 1 installer ${'x'.repeat(2000)} crashes windows`);
    expect(searches()).toHaveLength(1);
    const [search] = searches();
    expect(search!.status).toBe(200);
    expect(search!.query.q!.length).toBeLessThanOrEqual(256);
    expect(search!.query.q).toContain('installer');
    expect(lastReply()).toContain('可能相关：#1 installer crashes on windows');
  });
});
