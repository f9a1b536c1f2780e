export type RedactKind = 'id-number' | 'email' | 'secret' | 'wechat-id' | 'phone';

/** One kind of personal data or secret, what finds it and what replaces it. */
interface Rule {
  kind: RedactKind;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const mark = (kind: string) => `[${kind}]`;
const keep = (kind: string) => (_match: string, label: string) => `${label}${mark(kind)}`;

// Order matters: ID cards and tokens before phones (their digits would look like numbers), URLs' secrets before e-mail.
const RULES: Rule[] = [
  // A private key to its END line, or to the end of the text when it was cut.
  { kind: 'secret', pattern: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z ]{0,40}PRIVATE KEY-----|[\s\S]*)/g, replace: () => mark('secret') },
  { kind: 'secret', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, replace: () => mark('secret') },
  { kind: 'secret', pattern: /\b(?:sk-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|glpat-[A-Za-z0-9_-]{20,})\b/g, replace: () => mark('secret') },
  {
    kind: 'secret',
    pattern: /([?&#;](?:[\w.-]{0,24}(?:key|token|secret|password|passwd|pwd|sig|signature|auth|code|ticket|session)[\w.-]{0,24})=)[^&#\s"'<>]+/gi,
    replace: keep('secret'),
  },
  // The password in a URL: scheme://user:PASSWORD@host.
  { kind: 'secret', pattern: /(\b[a-z][a-z0-9+.-]{0,20}:\/\/[^:/\s"'@]{1,256}:)[^@\s"'/]{1,256}(?=@)/gi, replace: keep('secret') },
  { kind: 'secret', pattern: /((?<![\w-])(?:Bearer|Basic|token)\s+)[A-Za-z0-9._~+/-]{16,}=*/g, replace: keep('secret') },
  {
    kind: 'secret',
    // A name such as GITHUB_TOKEN or aws_secret_access_key may carry a prefix.
    pattern: /((?<![\w-])(?:[A-Za-z0-9]{1,24}[_-]){0,3}(?:api[_-]?key|access[_-]?token|secret[_-]?access[_-]?key|private[_-]?key|client[_-]?secret|token|secret|password|passwd|passphrase|pwd|密码|口令|令牌|密钥)\s*(?:[:=：]|是)\s*)[^\s,，;；'"<>]{4,}/gi,
    replace: keep('secret'),
  },
  // Bounded, and starting only where a run of address characters starts: linear on a 100 KB word.
  { kind: 'email', pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/g, replace: () => mark('email') },
  {
    kind: 'id-number',
    pattern: /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/g,
    replace: () => mark('id-number'),
  },
  { kind: 'wechat-id', pattern: /(?<![A-Za-z0-9])wxid_[A-Za-z0-9_-]{4,}/gi, replace: () => mark('wechat-id') },
  {
    kind: 'wechat-id',
    pattern: /((?:微信号|微信|weixin|wechat(?:\s*id)?|vx|wx|v信|威信)\s*(?:号|id)?\s*[:：是]\s*)(?!\[)[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])/gi,
    replace: keep('wechat-id'),
  },
  // Without a colon only a word with a digit, _ or - is taken for an id ("wechat support" is not one).
  {
    kind: 'wechat-id',
    pattern: /((?:微信号|微信|weixin|wechat|vx|wx|v信|威信)\s+)(?!\[)[A-Za-z](?=[A-Za-z]*[-_0-9])[-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])/gi,
    replace: keep('wechat-id'),
  },
  { kind: 'phone', pattern: /(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g, replace: () => mark('phone') },
  { kind: 'phone', pattern: /(?<![\w+])\+\d{1,3}(?:[-\s.]?\(?\d{1,4}\)?){2,5}(?!\d)/g, replace: () => mark('phone') },
  { kind: 'phone', pattern: /(?<!\d)\(?0\d{2,3}\)?[-\s]\d{7,8}(?!\d)/g, replace: () => mark('phone') },
];

export interface RedactOptions {
  /** Kinds left as they are (secrets are never kept by the callers that publish). */
  keep?: readonly RedactKind[];
}

/**
 * Hides phone numbers, e-mail addresses, WeChat ids, ID-card numbers and secrets (tokens, private
 * keys, passwords, keys in URLs) before anything is published: the archive, the report, issues.
 */
export function redact(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const rule of RULES) {
    if (!options.keep?.includes(rule.kind)) out = out.replace(rule.pattern, rule.replace as (match: string, ...rest: string[]) => string);
  }
  return out;
}

/** The marks `redact` leaves, e.g. to keep them out of a search index. */
export const REDACTION_MARK = /\[(?:id-number|email|secret|wechat-id|phone)\]/g;
