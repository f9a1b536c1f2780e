import { describe, expect, it } from 'vitest';
import { deriveTitle } from '../../../src/core/issue/draft-issue.js';
import type { Locale, MessageKind } from '../../../src/core/types.js';

type Said = string | [MessageKind, string];
const derive = (said: Said[], locale: Locale = 'zh-CN', title?: string) =>
  deriveTitle({
    messages: said.map((s) => (typeof s === 'string' ? { text: s, kind: 'text' } : { kind: s[0], text: s[1] })),
    roomName: 'OSSChat 开发者群',
    locale,
    ...(title === undefined ? {} : { title }),
  });

const cases: [string, Said[], string, Locale?][] = [
  ['acks first', ['好的', '谢谢！', '收到收到', '安装失败了。重装也不行'], '安装失败了'],
  ['placeholders first', [['image', '[图片]'], ['emoticon', '[表情]'], ['file', '[文件: log.txt]'], '日志在上面'], '日志在上面'],
  ['WeChat emoji, thumbs and +1 first', ['[捂脸][捂脸]', '👍👍', '+1', '1', '666', '打包后白屏'], '打包后白屏'],
  ['greeting inside the first message', ['大家好，请问 Windows 上安装失败怎么办？我试了很多次'], 'Windows 上安装失败怎么办？'],
  ['greeting as its own sentence', ['大家好！启动时报 ENOENT'], '启动时报 ENOENT'],
  ['English sentence with a period', ['The build fails on Node 22. Any ideas?'], 'The build fails on Node 22', 'en'],
  ['English greeting', ['hi all, the docs link is broken!'], 'the docs link is broken', 'en'],
  ['a version number is not a sentence end', ['v1.2.3 breaks login on macOS. It worked in 1.2.2'], 'v1.2.3 breaks login on macOS'],
  ['a question keeps its mark', ['请问一下', '配置文件放在哪里？然后呢'], '配置文件放在哪里？'],
  ['first line of a multi-line message', ['[ERROR] build failed\n    at main.js:1'], '[ERROR] build failed'],
  ['mentions dropped', ['@张三\u2005@OSSChat 你看下这个报错：ENOENT'], '你看下这个报错：ENOENT'],
  ['bare link skipped', ['https://github.com/o/r/issues/3', '这个问题还在'], '这个问题还在'],
  ['link inside a sentence kept', ['见 https://x.org/a 的第三步'], '见 https://x.org/a 的第三步'],
  ['emoji around the text dropped', ['😀😀 表情后面的文字 🎉'], '表情后面的文字'],
  ['emoji inside kept', ['升级后 🐛 又回来了'], '升级后 🐛 又回来了'],
  ['e-mail kept', ['发到 dev@example.org 的邮件被退回'], '发到 dev@example.org 的邮件被退回'],
  ['only chatter: fallback', ['哈哈哈哈', '好的好的', 'ok', 'OK!', 'thanks', 'got it', '在吗？'], '群聊记录 OSSChat 开发者群'],
  ['no messages: zh fallback', [], '群聊记录 OSSChat 开发者群'],
  ['no messages: en fallback', [], 'Chat transcript from OSSChat 开发者群', 'en'],
  ['only non-text: fallback', [['image', '[图片]'], ['audio', '[语音]']], '群聊记录 OSSChat 开发者群'],
];

describe('deriveTitle', () => {
  it.each(cases)('%s', (_name, said, expected, locale) => {
    expect(derive(said, locale)).toBe(expected);
  });

  it('cuts a long message to 80 code points with an ellipsis', () => {
    const title = derive(['安装'.repeat(60)]);
    expect([...title]).toHaveLength(80);
    expect(title.endsWith('安…')).toBe(true);
  });

  it('never cuts an emoji or a ZWJ sequence in half', () => {
    const title = derive(['a'.repeat(77) + '👨‍👩‍👧‍👦 end']);
    expect(title).toBe(`${'a'.repeat(77)}…`);
    const pairs = derive(['b' + '😀x'.repeat(50)]);
    expect([...pairs]).toHaveLength(80);
    expect(pairs).toBe(`b${'😀x'.repeat(39)}…`);
    expect(pairs).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('uses an explicit title on one line, whatever the messages say', () => {
    expect(derive(['安装失败'], 'zh-CN', '  自定义\n 标题 ')).toBe('自定义 标题');
    expect([...derive([], 'en', 'x'.repeat(300))]).toHaveLength(256);
  });

  it('ignores a blank explicit title', () => {
    expect(derive(['安装失败'], 'zh-CN', '  ')).toBe('安装失败');
  });

  it('falls back without a room name', () => {
    expect(deriveTitle({ messages: [], roomName: ' ', locale: 'en' })).toBe('Chat transcript');
    expect(deriveTitle({ messages: [], roomName: '', locale: 'zh-CN' })).toBe('群聊记录');
  });
});
