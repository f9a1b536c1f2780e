import { describe, expect, it } from 'vitest';
import { draftIssue, findMarker, markerOf, type DraftInput } from '../../../src/core/issue/draft-issue.js';
import type { MessageKind } from '../../../src/core/types.js';

const at = (iso: string) => new Date(iso);
const msg = (senderName: string, text: string, iso: string, kind: MessageKind = 'text') => ({ senderName, text, kind, ts: at(iso) });

const base: DraftInput = {
  messages: [
    msg('张三', '大家好', '2026-11-24T02:03:00Z'),
    msg('李四', 'npm install 报错 EACCES。\n换了 Node 22 也一样', '2026-11-24T02:04:30Z'),
    msg('王五', '[图片]', '2026-11-24T02:05:00Z', 'image'),
  ],
  roomName: 'OSSChat 开发者群',
  requester: '张三',
  requestedAt: at('2026-11-24T02:10:00Z'),
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
  version: '0.1.0',
  marker: 'room-1:msg-42',
};

const draft = (over: Partial<DraftInput> = {}) => draftIssue({ ...base, ...over });
const transcriptOf = (body: string) => body.slice(0, body.lastIndexOf('\n\n---\n\n'));

// Every transcript line is a header, a blank line or a quote line, and headers stand alone.
function expectContained(body: string): void {
  const lines = transcriptOf(body).split('\n');
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('>')) return;
    expect(line).toMatch(/^\*\*.+\*\* · (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}$/);
    expect(lines[i + 1]).toBe('');
    if (i > 0) expect(lines[i - 1]).toBe('');
  });
}

describe('draftIssue', () => {
  it('quotes every message in order under its speaker and local time', () => {
    const { title, body } = draft();
    expect(title).toBe('npm install 报错 EACCES');
    expect(transcriptOf(body)).toBe([
      '**张三** · 2026-11-24 10:03', '', '> 大家好', '',
      '**李四** · 10:04', '', '> npm install 报错 EACCES。', '> 换了 Node 22 也一样', '',
      '**王五** · 10:05', '', '> [图片]',
    ].join('\n'));
    expectContained(body);
  });

  it('shows the date again when the local date changes, in the given time zone', () => {
    const messages = [msg('a', 'one', '2026-11-24T15:59:00Z'), msg('b', 'two', '2026-11-24T16:00:00Z'), msg('c', 'three', '2026-11-24T16:01:00Z')];
    const shanghai = draft({ messages }).body;
    expect(shanghai).toContain('**a** · 2026-11-24 23:59');
    expect(shanghai).toContain('**b** · 2026-11-25 00:00');
    expect(shanghai).toContain('**c** · 00:01');
    const utc = draft({ messages, timeZone: 'UTC' }).body;
    expect(utc).toContain('**a** · 2026-11-24 15:59');
    expect(utc).toContain('**b** · 16:00');
  });

  it('quotes every line of a multi-line message, blank lines included', () => {
    const { body } = draft({ messages: [msg('a', '第一行\n\n第三行\n', '2026-11-24T02:03:00Z')] });
    expect(transcriptOf(body)).toContain('> 第一行\n>\n> 第三行');
    expectContained(body);
  });

  it('keeps emoji and long Chinese text whole in the body', () => {
    const long = '这是一段很长的中文描述，'.repeat(200);
    const { body } = draft({ messages: [msg('a', `👍🏽 👨‍👩‍👧 ${long}`, '2026-11-24T02:03:00Z')] });
    expect(body).toContain(`> 👍🏽 👨‍👩‍👧 ${long.trimEnd()}`);
  });

  it('defuses mentions in text and names but leaves e-mails (when not redacted) and links alone', () => {
    const text = '@octocat, (@some-user) 看下\n@张三 发到 dev@example.org\nhttps://medium.com/@user/post';
    const { body } = draft({ messages: [msg('@hubot', text, '2026-11-24T02:03:00Z')], redact: { phones: false, emails: false } });
    expect(body).toContain('**`@hubot`** · ');
    expect(body).toContain('> `@octocat`, (`@some-user`) 看下\n> `@张三` 发到 dev@example.org\n> https://medium.com/@user/post');
  });

  it('keeps a code fence inside the quote, closing it if the message did not', () => {
    const { body } = draft({ messages: [msg('a', '日志：\n```\n# Error <b>\n', '2026-11-24T02:03:00Z'), msg('b', '# 真标题?', '2026-11-24T02:04:00Z')] });
    expect(transcriptOf(body)).toContain('> 日志：\n> ```\n> # Error <b>\n> ```\n\n**b** · 10:04\n\n> \\# 真标题?');
    expectContained(body);
  });

  it('neutralises layout-breaking markdown and raw HTML', () => {
    const text = '---\n> fake quote\n<details><summary>x</summary>\n- [ ] task\n[ref]: https://evil';
    const { body } = draft({ messages: [msg('a', text, '2026-11-24T02:03:00Z')] });
    expect(transcriptOf(body)).toContain('> \\---\n> \\> fake quote\n> &lt;details>&lt;summary>x&lt;/summary>\n> - \\[ ] task\n> \\[ref]: https://evil');
    expectContained(body);
  });

  it.each([
    '<!-- osschat:evil -->',
    'end of comment --> <!-- osschat:evil -->',
    '```\n<!-- osschat:evil -->',
    'text\n\n<!-- osschat:evil -->\n',
  ])('cannot be given a fake marker from chat: %j', (text) => {
    const { body } = draft({ messages: [msg('a', text, '2026-11-24T02:03:00Z')] });
    expect(findMarker(body)).toBe('room-1:msg-42');
    expect(body.split('\n').filter((line) => line.startsWith('<!--'))).toEqual(['<!-- osschat:room-1:msg-42 -->']);
  });

  it('ends with a zh-CN footer after a rule and the marker on the last line', () => {
    const { body } = draft();
    expect(body.slice(body.lastIndexOf('\n\n---\n\n'))).toBe('\n\n---\n\n来自群「OSSChat 开发者群」，由 张三 于 2026-11-24 10:10 (UTC+8) 发起 · OSSChat 0.1.0\n\n<!-- osschat:room-1:msg-42 -->');
    expect(body.split('\n').at(-1)).toBe(markerOf('room-1:msg-42'));
  });

  it('writes an English footer with related issues and the archive link', () => {
    const related = [{ number: 12, title: 'Install fails [Windows]', url: 'https://github.com/o/r/issues/12' }, { number: 15, title: 'ping @octocat', url: 'https://github.com/o/r/issues/15' }];
    const { body } = draft({ locale: 'en', timeZone: 'America/New_York', related, archiveUrl: 'https://chat.example.org/rooms/1?from=a b' });
    expect(body.slice(body.lastIndexOf('\n\n---\n\n') + 7)).toBe([
      'From the group "OSSChat 开发者群", requested by 张三 at 2026-11-23 21:10 (UTC-5) · OSSChat 0.1.0',
      'Possibly related: [#12 Install fails \\[Windows\\]](https://github.com/o/r/issues/12), [#15 ping `@octocat`](https://github.com/o/r/issues/15)',
      'Chat archive: https://chat.example.org/rooms/1?from=a%20b',
      '',
      '<!-- osschat:room-1:msg-42 -->',
    ].join('\n'));
  });

  it('lists related issues and the archive in zh-CN too', () => {
    const { body } = draft({ related: [{ number: 3, title: '旧问题', url: 'https://github.com/o/r/issues/3' }], archiveUrl: 'https://a.example/r' });
    expect(body).toContain('\n可能相关：[#3 旧问题](https://github.com/o/r/issues/3)\n聊天存档：https://a.example/r\n');
  });

  it('escapes markdown in the room, requester and version', () => {
    const { body } = draft({ roomName: '**群** <b>', requester: '@alice_x', version: '1.0.0' });
    expect(body).toContain('来自群「\\*\\*群\\*\\* &lt;b\\>」，由 `@alice_x` 于');
    expect(draft({ timeZone: 'UTC' }).body).toContain('于 2026-11-24 02:10 (UTC) 发起');
  });

  it('uses the explicit title and stays within GitHub’s body limit', () => {
    const messages = Array.from({ length: 20 }, (_, i) => msg(`m${i}`, 'x'.repeat(7000), '2026-11-24T02:03:00Z'));
    const { title, body } = draft({ title: '自定义标题', messages });
    expect(title).toBe('自定义标题');
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/（还有 \d+ 条消息因长度限制未收录）\n\n---\n\n/);
    expect(findMarker(body)).toBe('room-1:msg-42');
  });

  it('says when there is nothing to quote, and names a nameless sender', () => {
    expect(transcriptOf(draft({ messages: [] }).body)).toBe('（没有消息）');
    expect(transcriptOf(draft({ locale: 'en', messages: [msg(' ', '  ', '2026-11-24T02:03:00Z')] }).body)).toBe('**(unknown)** · 2026-11-24 10:03\n\n> (empty message)');
  });

  it('refuses a marker key that could break the comment, and an unknown time zone', () => {
    expect(() => draft({ marker: 'x --> <b>' })).toThrow(RangeError);
    expect(() => draft({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('markerOf and findMarker', () => {
  it('round-trips a key through the last line', () => {
    expect(markerOf('r1:m42')).toBe('<!-- osschat:r1:m42 -->');
    expect(findMarker(`body\n\n${markerOf('r1:m42')}`)).toBe('r1:m42');
    expect(findMarker(`body\r\n${markerOf('r1:m42')}\r\n\r\n`)).toBe('r1:m42');
  });

  it('only counts the last line', () => {
    expect(findMarker(`${markerOf('evil')}\nlater text`)).toBeUndefined();
    expect(findMarker(`> ${markerOf('evil')}`)).toBeUndefined();
    expect(findMarker(`${markerOf('evil')}\n${markerOf('real')}`)).toBe('real');
    expect(findMarker('')).toBeUndefined();
    expect(findMarker('<!-- osschat: -->')).toBeUndefined();
  });
});
