import { mapMatches } from '../text/map-matches.js';

// Backticks are left out: a link that goes into a code span must not end it.
const URL = /\b(?:https?|ftp):\/\/[^\s<>"`]+|\bwww\.[^\s<>"`]+/giu;
const GITHUB_URL = /^(?:https?:\/\/)?(?:www\.)?github\.com(?:[/?#]|$)/iu;
// As GitHub reads them: after no ASCII word character (so a@b.com stays), the longest run of name
// characters not followed by `.x` (so @example.com in 张三@example.com stays), an optional /team.
// Back-to-back mentions (@a@b) are wrapped as one: GitHub would read the second after the code.
const MENTION = String.raw`(?<![A-Za-z0-9_])(?:[@＠][\p{L}\p{N}_][\p{L}\p{N}_·-]*)+(?:\/[A-Za-z0-9_-]+)?(?![\p{L}\p{N}_·-]|\.[A-Za-z0-9_]|\/[A-Za-z0-9_-])`;
// GitHub's references: #1, owner/repo#2, GH-3, user@sha and owner/repo@sha (7 to 40 hex digits, not a domain).
const REFERENCE = [
  String.raw`(?<![\w/.-])(?:[A-Za-z0-9][\w.-]*\/[\w.-]+)?#\d+(?!\w)`,
  String.raw`(?<![\w/.-])GH-\d+(?!\w)`,
  String.raw`(?<![\w/.-])[A-Za-z0-9][\w-]*(?:\/[\w.-]+)?@[0-9a-fA-F]{7,40}(?![\w-]|\.[A-Za-z0-9])`,
].join('|');
// References first: at the same place `user@sha` is one reference, not a name and a mention.
const LIVE = new RegExp(`${REFERENCE}|${MENTION}`, 'giu');

const code = (text: string) => `\`${text}\``;

// Sentence punctuation after a link is not part of it, nor a `)` when the link opened none.
function trailingLength(url: string): number {
  let end = url.length;
  while (end > 0 && (".,;:!?'".includes(url[end - 1]!) || (url[end - 1] === ')' && !url.includes('(')))) end -= 1;
  return url.length - end;
}

function defuseUrl(url: string, before: string, escapeRest: (text: string) => string): string {
  const link = url.slice(0, url.length - trailingLength(url));
  const trail = url.slice(link.length);
  // A link to GitHub leaves a cross-reference on what it names; a markdown link's or image's target would load or hide it.
  const inert = GITHUB_URL.test(link) || before.endsWith('](');
  return (inert ? code(link) : escapeRest(link)) + escapeRest(trail);
}

/**
 * Makes plain text safe from what GitHub links by itself: every `@handle` (`@octocat`,
 * `@org/team`, chat names like `@张三`), every issue, pull request or commit reference (`#1`,
 * `owner/repo#2`, `GH-3`, `owner/repo@sha`) and every link to github.com is wrapped in inline code,
 * so GitHub notifies nobody and cross-references nothing, while the text still reads and copies as
 * written. The target of a markdown link or image becomes code too. E-mail addresses and other
 * links are left alone. Meant for plain text: it does not look for code spans already present.
 * `escapeRest`, if given, is applied to every stretch that is not wrapped (other links included).
 */
export function defuseAutolinks(text: string, escapeRest: (text: string) => string = (s) => s): string {
  const wrap = (s: string) => mapMatches(s, LIVE, code, escapeRest);
  return mapMatches(text, URL, (url, at) => defuseUrl(url, text.slice(Math.max(0, at - 2), at), escapeRest), wrap);
}
