import { describe, expect, it } from 'vitest';
import type { ForgeEvent } from '../../../src/core/notify/forge-event.js';
import { EXCERPT_MAX, HEADLINE_MAX, renderEvent } from '../../../src/core/notify/render-event.js';
import { renderStrings } from '../../../src/core/notify/render-strings.js';
import type { Locale } from '../../../src/core/types.js';
import { mapGitHubEvent } from '../../../src/forge/github/map-event.js';
import { EXAMPLES } from '../../forge/github/examples.js';

const LOCALES: Locale[] = ['zh-CN', 'en'];
const URL = 'https://github.com/octo/hello/issues/12';
const length = (text: string) => [...text].length;

const event = (extra: Partial<ForgeEvent> = {}): ForgeEvent => ({
  deliveryId: 'd', name: 'issues', action: 'opened', feature: 'issues', repo: 'octo/hello',
  actor: { login: 'octocat', isBot: false }, number: 12, title: 'Login fails', url: URL,
  body: 'It **fails** on Windows.', labels: ['bug'], author: 'octocat', ...extra,
});
const pull = (extra: Partial<ForgeEvent> = {}) => event({ name: 'pull_request', feature: 'pulls', url: 'https://github.com/octo/hello/pull/12', ...extra });
const review = (state: string) => pull({ name: 'pull_request_review', action: 'submitted', detail: { reviewState: state } });
const release = (title: string) => event({ name: 'release', action: 'published', feature: 'releases', number: undefined, title, detail: { tag: 'v1.2.0' }, url: 'https://github.com/octo/hello/releases/tag/v1.2.0' });
const discussion = (extra: Partial<ForgeEvent> = {}) => event({ name: 'discussion', feature: 'discussions', url: 'https://github.com/octo/hello/discussions/12', ...extra });

const MAPPED = EXAMPLES.flatMap((example) => {
  const result = mapGitHubEvent(example.name, `${example.name}-${example.index}`, example.payload);
  return result.kind === 'event' ? [[`${example.name}[${example.index}] ${result.event.action}`, result.event] as const] : [];
});

describe('renderEvent on every mapped example', () => {
  it('has plenty to render', () => {
    expect(MAPPED.length).toBeGreaterThanOrEqual(35);
  });

  it.each(MAPPED.flatMap(([label, e]) => LOCALES.map((locale) => [`${label} ${locale}`, e, locale] as const)))('%s', (_label, e, locale) => {
    const text = renderEvent(e, locale);
    const lines = text.split('\n');
    expect(text.trim()).not.toBe('');
    for (const markup of ['**', '```', '<img', '](', '{actor}', '{number}']) expect(text).not.toContain(markup);
    expect(lines.every((line) => line.trim() !== '')).toBe(true);
    expect(length(lines[0]!)).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(lines[0]).toMatch(new RegExp(`^\\[${e.repo}\\] ${e.actor.login} `));
    if (e.number !== undefined) expect(lines[0]).toContain(`#${e.number}`);
    expect(lines.at(-1)).toBe(e.url);
    expect(lines.length).toBeLessThanOrEqual(3);
  });
});

describe('renderEvent headlines', () => {
  it.each<[string, ForgeEvent, string, string]>([
    ['issue opened', event(), 'octocat 创建了工单 #12：Login fails', 'octocat opened issue #12: Login fails'],
    ['issue closed', event({ action: 'closed' }), 'octocat 关闭了工单 #12：Login fails', 'octocat closed issue #12: Login fails'],
    ['issue reopened', event({ action: 'reopened' }), 'octocat 重新打开了工单 #12：Login fails', 'octocat reopened issue #12: Login fails'],
    ['issue labeled', event({ action: 'labeled', detail: { label: 'good first issue' } }), 'octocat 给工单 #12 加了标签「good first issue」：Login fails', 'octocat labeled issue #12 "good first issue": Login fails'],
    ['issue assigned', event({ action: 'assigned', detail: { assignee: 'hubot' } }), 'octocat 把工单 #12 指派给了 hubot：Login fails', 'octocat assigned issue #12 to hubot: Login fails'],
    ['issue self-assigned', event({ action: 'assigned', detail: { assignee: 'octocat' } }), 'octocat 认领了工单 #12：Login fails', 'octocat took issue #12: Login fails'],
    ['issue comment', event({ name: 'issue_comment', action: 'created', feature: 'comments' }), 'octocat 评论了工单 #12：Login fails', 'octocat commented on issue #12: Login fails'],
    ['PR comment', event({ name: 'issue_comment', action: 'created', feature: 'comments', onPullRequest: true }), 'octocat 评论了 PR #12：Login fails', 'octocat commented on PR #12: Login fails'],
    ['PR opened', pull(), 'octocat 提交了 PR #12：Login fails', 'octocat opened PR #12: Login fails'],
    ['PR closed', pull({ action: 'closed' }), 'octocat 关闭了 PR #12（未合并）：Login fails', 'octocat closed PR #12 without merging: Login fails'],
    ['PR merged', pull({ action: 'merged' }), 'octocat 合并了 PR #12：Login fails', 'octocat merged PR #12: Login fails'],
    ['PR reopened', pull({ action: 'reopened' }), 'octocat 重新打开了 PR #12：Login fails', 'octocat reopened PR #12: Login fails'],
    ['PR ready', pull({ action: 'ready_for_review' }), 'octocat 把 PR #12 标为可以评审：Login fails', 'octocat marked PR #12 ready for review: Login fails'],
    ['review requested', pull({ action: 'review_requested', detail: { reviewer: 'hubot' } }), 'octocat 请 hubot 评审 PR #12：Login fails', 'octocat asked hubot to review PR #12: Login fails'],
    ['review approved', review('approved'), 'octocat 批准了 PR #12：Login fails', 'octocat approved PR #12: Login fails'],
    ['review changes requested', review('changes_requested'), 'octocat 要求修改 PR #12：Login fails', 'octocat requested changes on PR #12: Login fails'],
    ['review commented', review('commented'), 'octocat 评审了 PR #12 并留下评论：Login fails', 'octocat reviewed PR #12 with comments: Login fails'],
    ['review in another state', review('some_new_state'), 'octocat 评审了 PR #12（some new state）：Login fails', 'octocat reviewed PR #12 (some new state): Login fails'],
    ['release named', release('Spring release'), 'octocat 发布了版本 v1.2.0：Spring release', 'octocat published release v1.2.0: Spring release'],
    ['release named by its tag', release('v1.2.0'), 'octocat 发布了版本 v1.2.0', 'octocat published release v1.2.0'],
    ['discussion started', discussion({ action: 'created' }), 'octocat 发起了讨论 #12：Login fails', 'octocat started discussion #12: Login fails'],
    ['discussion answered', discussion({ action: 'answered' }), 'octocat 为讨论 #12 选定了答案：Login fails', 'octocat marked an answer in discussion #12: Login fails'],
    ['discussion comment', discussion({ name: 'discussion_comment', action: 'created', feature: 'comments' }), 'octocat 评论了讨论 #12：Login fails', 'octocat commented on discussion #12: Login fails'],
    ['an action it has no phrase for', event({ action: 'pinned' }), 'octocat：issues pinned #12：Login fails', 'octocat: issues pinned #12: Login fails'],
    ['labeled without a label', event({ action: 'labeled' }), 'octocat：issues labeled #12：Login fails', 'octocat: issues labeled #12: Login fails'],
    ['a title on several lines', event({ title: '  Login\n fails\t' }), 'octocat 创建了工单 #12：Login fails', 'octocat opened issue #12: Login fails'],
  ])('%s', (_name, e, zh, en) => {
    expect(renderEvent(e, 'zh-CN').split('\n')[0]).toBe(`[octo/hello] ${zh}`);
    expect(renderEvent(e, 'en').split('\n')[0]).toBe(`[octo/hello] ${en}`);
  });
});

describe('renderEvent body and address', () => {
  it('shows an excerpt of new text, then the address', () => {
    expect(renderEvent(event(), 'en')).toBe(`[octo/hello] octocat opened issue #12: Login fails\nIt fails on Windows.\n${URL}`);
  });

  it.each(['opened', 'created', 'submitted', 'published', 'answered'])('shows the excerpt on %s', (action) => {
    expect(renderEvent(event({ action }), 'en').split('\n')).toHaveLength(3);
  });

  it.each(['closed', 'reopened', 'labeled', 'assigned', 'merged', 'ready_for_review', 'review_requested'])('leaves the old body out on %s', (action) => {
    expect(renderEvent(event({ action }), 'en').split('\n')).toHaveLength(2);
  });

  it('leaves out an excerpt that is empty once stripped, or only repeats the title', () => {
    expect(renderEvent(event({ body: '<!-- fill me in -->' }), 'en').split('\n')).toHaveLength(2);
    expect(renderEvent(event({ body: '# Login fails' }), 'en').split('\n')).toHaveLength(2);
    expect(renderEvent(event({ body: undefined }), 'en').split('\n')).toHaveLength(2);
  });

  it('cuts a long body to the excerpt length, on a character boundary, with …', () => {
    const body = `${'长'.repeat(EXCERPT_MAX - 2)}👨‍👩‍👧${'尾'.repeat(50)}`;
    const excerpt = renderEvent(event({ body }), 'zh-CN').split('\n')[1]!;
    expect(length(excerpt)).toBeLessThanOrEqual(EXCERPT_MAX);
    expect(excerpt.endsWith('长…')).toBe(true);
    expect(excerpt).not.toContain('\u200d');
  });

  it('strips markdown from the excerpt in the room’s language', () => {
    const body = '## 复现\n```\nnpm i\n```\n![截图](https://x.org/a.png) 见 [文档](https://x.org)';
    expect(renderEvent(event({ body }), 'zh-CN').split('\n')[1]).toBe('复现 [代码] [图片] 见 文档');
    expect(renderEvent(event({ body }), 'en').split('\n')[1]).toBe('复现 [code] [image] 见 文档');
  });
});

describe('renderEvent headline length', () => {
  const long = 'A very long title that goes on and on about the many ways in which the login can fail on Windows and macOS alike';

  it.each(LOCALES)('cuts the title, not the number, to stay within the limit (%s)', (locale) => {
    const line = renderEvent(event({ title: long + long }), locale).split('\n')[0]!;
    expect(length(line)).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(line).toContain('#12');
    expect(line.endsWith('…')).toBe(true);
  });

  it.each(LOCALES)('keeps the from-this-room marker when the title is cut (%s)', (locale) => {
    const line = renderEvent(event({ title: long + long }), locale, { fromThisRoom: true }).split('\n')[0]!;
    expect(length(line)).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(line.endsWith(renderStrings[locale].fromThisRoom)).toBe(true);
  });
});

describe('renderEvent from this room', () => {
  const body = '**张三** · 2024-05-01 10:02\n\n> 安装失败了\n\n---\n来自群「开发者群」';

  it('marks the issue as this room’s and leaves out its body, the room’s own chat', () => {
    const e = event({ title: '安装失败了', body });
    expect(renderEvent(e, 'zh-CN', { fromThisRoom: true })).toBe(`[octo/hello] octocat 创建了工单 #12：安装失败了（本群开的工单）\n${URL}`);
    expect(renderEvent(e, 'en', { fromThisRoom: true })).toBe(`[octo/hello] octocat opened issue #12: 安装失败了 (opened from this group)\n${URL}`);
  });

  it('adds nothing when false or absent', () => {
    expect(renderEvent(event(), 'zh-CN', { fromThisRoom: false })).toBe(renderEvent(event(), 'zh-CN'));
    expect(renderEvent(event(), 'zh-CN')).not.toContain('本群');
  });
});

describe('render strings', () => {
  it('have the same phrases, with the same parameters, in both languages', () => {
    const zh = renderStrings['zh-CN'];
    const en = renderStrings.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(params(en[key]), key).toEqual(params(zh[key]));
  });
});

describe('renderEvent snapshot', () => {
  it('reads well for one example of each kind', async () => {
    const seen = new Set<string>();
    const picked = MAPPED.map(([, e]) => e).filter((e) => !seen.has(`${e.name}.${e.action}`) && seen.add(`${e.name}.${e.action}`));
    const made = [
      event({ title: '安装后启动白屏', body: '## 描述\n升级到 **1.2.0** 后启动白屏，日志如下：\n```\nError: ENOENT\n```\n<!-- 请附上截图 -->\n![截图](https://x.org/a.png)' }),
      pull({ action: 'merged', title: 'Fix login on Windows', actor: { login: 'dependabot[bot]', isBot: true } }),
      review('approved'),
      event({ title: '安装失败了', body: '**张三** · 10:02\n\n> 安装失败了' }),
    ];
    const blocks = [...picked, ...made].flatMap((e, i) => LOCALES.map((locale) => renderEvent(e, locale, { fromThisRoom: i === picked.length + 3 })));
    await expect(`${blocks.join('\n\n')}\n`).toMatchFileSnapshot('./__snapshots__/render-event.txt');
  });
});
