const URL = /\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/giu;
// As GitHub reads them: after no ASCII word character (so a@b.com stays), the longest run of name
// characters not followed by `.x` (so @example.com in 张三@example.com stays), an optional /team.
// Back-to-back mentions (@a@b) are wrapped as one: GitHub would read the second after the code.
const MENTION = /(?<![A-Za-z0-9_])(?:[@＠][\p{L}\p{N}_][\p{L}\p{N}_·-]*)+(?:\/[A-Za-z0-9_-]+)?(?![\p{L}\p{N}_·-]|\.[A-Za-z0-9_]|\/[A-Za-z0-9_-])/gu;

function mapMatches(text: string, pattern: RegExp, onMatch: (s: string) => string, onRest: (s: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += onRest(text.slice(last, m.index)) + onMatch(m[0]);
    last = m.index + m[0].length;
  }
  return out + onRest(text.slice(last));
}

/**
 * Wraps every `@handle` (`@octocat`, `@some-user`, `@org/team`, and chat names like `@张三`) in
 * inline code, so GitHub notifies nobody. E-mail addresses and links are left alone. Meant for
 * plain text: it does not look for code spans already present. `escapeRest`, if given, is
 * applied to every stretch that is not a mention (links included).
 */
export function escapeMentions(text: string, escapeRest: (text: string) => string = (s) => s): string {
  const wrap = (s: string) => mapMatches(s, MENTION, (mention) => `\`${mention}\``, escapeRest);
  return mapMatches(text, URL, escapeRest, wrap);
}
