import { describe, expect, it } from 'vitest';
import { DisplayNames, initials, pseudonym } from '../../src/core/archive/display-names.js';
import { redact } from '../../src/core/archive/redact.js';
import { conversationTitle } from '../../src/core/archive/conversation-title.js';
import { sanitizeText } from '../../src/core/archive/public-text.js';

describe('redact', () => {
  it.each([
    ['手机 13812345678 联系', '手机 [phone] 联系'],
    ['call +86 138-1234-5678', 'call [phone]'],
    ['US +1 (415) 555-2671 office', 'US [phone] office'],
    ['座机 010-12345678', '座机 [phone]'],
    ['mail me: a.b+c@example.co.uk.', 'mail me: [email].'],
    ['wxid_abc123xyz 说', '[wechat-id] 说'],
    ['微信号: zhang_san88', '微信号: [wechat-id]'],
    ['加我微信：abcdef1 谢谢', '加我微信：[wechat-id] 谢谢'],
    ['vx zhang88', 'vx [wechat-id]'],
    ['身份证 11010519491231002X', '身份证 [id-number]'],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked', 'token [secret] leaked'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', '[secret]'],
    ['https://x.io/a?key=SECRET123&q=1&access_token=zz', 'https://x.io/a?key=[secret]&q=1&access_token=[secret]'],
    ['password: hunter22', 'password: [secret]'],
  ])('%s', (input, output) => expect(redact(input)).toBe(output));

  it.each(['version 1.2.3 on 2026-11-24, issue #12345, port 8080', 'wechat support is great', '微信群里讨论', 'see https://github.com/wechaty/wechaty/issues/1234'])('leaves %s alone', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('display names', () => {
  const members = [
    { id: 1, platform: 'stdio', externalId: 'u1', name: '张三丰', optedOut: false },
    { id: 2, platform: 'stdio', externalId: 'u2', name: 'Jane Doe', optedOut: false },
    { id: 3, platform: 'stdio', externalId: 'u3', name: '李四', optedOut: true },
  ];
  it('initials, stable pseudonyms, and opted-out names scrubbed everywhere', () => {
    expect(initials('张三丰')).toBe('张*');
    expect(initials('Jane Doe')).toBe('J.D.');
    expect(pseudonym('stdio', 'u1', 's', 'zh-CN')).toBe(pseudonym('stdio', 'u1', 's', 'zh-CN'));
    expect(pseudonym('stdio', 'u1', 's', 'zh-CN')).not.toBe(pseudonym('stdio', 'u1', 't', 'zh-CN'));
    const names = new DisplayNames(members, { style: 'initials', salt: '', locale: 'zh-CN' });
    expect(names.of(2)).toBe('J.D.');
    expect(names.scrub('@张三丰 问一下李四，@Jane Doe 知道')).toBe('@张* 问一下（某人），@J.D. 知道');
    const full = new DisplayNames(members, { style: 'full', salt: '', locale: 'en' });
    expect(full.of(1)).toBe('张三丰');
    expect(full.of(3)).toBe('(someone)');
  });
});

describe('titles and text', () => {
  it('takes the first question, else the first meaningful sentence', () => {
    expect(conversationTitle(['大家好！请问怎么安装？我试了很多次。'], '#1')).toBe('请问怎么安装？');
    expect(conversationTitle(['hi', ''], '#1')).toBe('hi');
    expect(conversationTitle(['The build is broken on main. Logs attached.'], '#1')).toBe('The build is broken on main.');
  });
  it('drops direction overrides and control characters, repairs broken UTF-16', () => {
    expect(sanitizeText('a\u202eb\u0007c\ud800d')).toBe('abc\ufffdd');
  });
});

describe('redact: secrets as issues see them', () => {
  it.each([
    ['key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n-----END RSA PRIVATE KEY-----\nthanks', 'key:\n[secret]\nthanks'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNz (cut)', '[secret]'],
    ['postgres://app:s3cretpw@db.example:5432/x', 'postgres://app:[secret]@db.example:5432/x'],
    ['Authorization: Bearer abcdefghijklmnop1234', 'Authorization: Bearer [secret]'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG', 'aws_secret_access_key = [secret]'],
    ['GITHUB_TOKEN=abc123def', 'GITHUB_TOKEN=[secret]'],
  ])('%j', (input, output) => expect(redact(input)).toBe(output));

  it('keeps the kinds asked for', () => {
    expect(redact('a@b.io 13812345678 password: hunter2', { keep: ['email', 'phone'] })).toBe('a@b.io 13812345678 password: [secret]');
  });
});
