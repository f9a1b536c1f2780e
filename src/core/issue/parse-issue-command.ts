import type { IssueCategory } from '../services.js';
import { parseChineseNumber } from './parse-chinese-number.js';
import { isUnknownTag, takeCategoryTags } from './take-category-tags.js';

export { parseChineseNumber } from './parse-chinese-number.js';

export type IssueCount = number | 'default' | 'quoted';

/** What a chat message asks for when it is an issue command; see {@link parseIssueCommand}. */
export type IssueCommandParse =
  | { ok: true; count: IssueCount; title?: string; category?: IssueCategory }
  | { ok: false; error: 'bad-count' | 'missing-quote' | 'bad-form'; detail?: string };

export interface IssueCommandOptions {
  /** Names the bot answers to; a leading (or trailing) `@name` mention of one is ignored. */
  botNames: readonly string[];
  /** True when the message quotes another message. */
  quoting: boolean;
}

type Form = 'zh' | 'zh-bare' | 'slash' | 'mention';
interface Head {
  form: Form;
  // The number as written, if any.
  token?: string;
  tail: string;
}
type Outcome = IssueCommandParse | undefined;

const MAY_BE_COMMAND = /工单|issue/i;
const VERB = String.raw`(?:开|建|创建|新建|提|提交)\s*(?:(?:个|一个)\s*)?(?:工单|issue)`;
const BARE_VERB = String.raw`(?:开|建|创建|新建|提|提交)\s*(?:工单|issue)`;
const GAP = String.raw`[\s,，、]*`;
const NUMBERISH = String.raw`[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟几多好些若干这那.．+＋\-－]+`;
// Each optional word owns the spaces after it: adjacent `\s*` backtrack cubically on long blank runs.
const POLITE = String.raw`(?:(?:请|麻烦)\s*)?(?:(?:帮忙|帮我)\s*)?(?:把\s*)?`;
const ZH_HEAD = new RegExp(String.raw`^${POLITE}(?:以上|上面|上述)${GAP}(?:(${NUMBERISH})${GAP}(?:(?:条|个)${GAP})?)?(?:(?:消息|聊天记录|记录)${GAP})?${VERB}`, 'iu');
const ZH_BARE_HEAD = new RegExp(String.raw`^${BARE_VERB}`, 'iu');
const EN_END = String.raw`(?=$|[\s:：#＃?？0-9０-９])`;
const SLASH_HEAD = new RegExp(String.raw`^[/／]issue${EN_END}`, 'i');
const MENTION_HEAD = new RegExp(String.raw`^issue${EN_END}`, 'i');
const EN_COUNT = /^\s*([+＋\-－]?[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+)(?=$|[\s:：,，#＃?？])/u;
// The look-behinds start a match only where a run starts, keeping these linear on long runs.
const SOFT_END = /(?<![\s。.!！~～…])[\s。.!！~～…]+$/u;
const THANKS_END = /(?<![\s,，])(?:[\s,，]*(?:谢谢|多谢|感谢|麻烦了|辛苦了)|[\s,，]+(?:thanks|thank you|thx|please|pls))[\s。.!！~～…]*$/iu;
const TITLE_END = /(?<![\s。.!！~～…,，;；、])[\s。.!！~～…,，;；、]+$/u;
const QUESTION = /^\s*[?？]+\s*$/u;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type MentionPatterns = { names: string; leading: RegExp; trailing: RegExp } | undefined;
// The patterns of the last bot names seen: they change only when the bot logs in under another name.
let mentionPatterns: MentionPatterns;

function mentionPatternsOf(botNames: readonly string[]): MentionPatterns {
  const key = botNames.join('\n');
  if (mentionPatterns?.names === key) return mentionPatterns;
  const names = [...botNames].filter((n) => n.trim()).sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (names.length === 0) return undefined;
  const name = `[@＠](?:${names.join('|')})(?![A-Za-z0-9_])`;
  return (mentionPatterns = { names: key, leading: new RegExp(`^${name}\\s*`, 'iu'), trailing: new RegExp(`(?<!\\s)\\s*${name}\\s*$`, 'iu') });
}

/** `text` without a leading or trailing `@name` of the bot, and whether there was one. */
export function stripBotMention(text: string, botNames: readonly string[]): { text: string; mentioned: boolean } {
  const patterns = mentionPatternsOf(botNames);
  if (!patterns) return { text, mentioned: false };
  const stripped = text.replace(patterns.leading, '').replace(patterns.trailing, '');
  return { text: stripped, mentioned: stripped !== text };
}

function matchHead(text: string, mentioned: boolean): Head | undefined {
  const zh = ZH_HEAD.exec(text);
  if (zh) return { form: 'zh', token: zh[1], tail: text.slice(zh[0].length) };
  const bare = ZH_BARE_HEAD.exec(text);
  if (bare) return { form: 'zh-bare', tail: text.slice(bare[0].length) };
  const slash = SLASH_HEAD.exec(text);
  const mention = mentioned && !slash ? MENTION_HEAD.exec(text) : null;
  const en = slash ?? mention;
  if (!en) return undefined;
  const form: Form = slash ? 'slash' : 'mention';
  const rest = text.slice(en[0].length);
  const count = EN_COUNT.exec(rest);
  return count ? { form, token: count[1], tail: rest.slice(count[0].length) } : { form, tail: rest };
}

const toHalfWidth = (s: string) => s.replace(/[０-９．＋－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function countOf(token: string): number | undefined {
  const ascii = toHalfWidth(token);
  const n = /^\d+$/.test(ascii) ? Number(ascii) : parseChineseNumber(token);
  return n !== undefined && Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

function cleanTitle(text: string): string | undefined {
  const title = text.replace(/\s+/gu, ' ').replace(/^[\s:：,，]+/u, '').replace(TITLE_END, '');
  return /^[\p{P}\p{S}\s]*$/u.test(title) ? undefined : title;
}

// `undefined` means the tail makes the message ordinary chat after all.
function titleOf(head: Head, rest: string): { title?: string } | IssueCommandParse | undefined {
  if (rest.trim() === '') return {};
  if (QUESTION.test(rest)) return undefined;
  if (isUnknownTag(rest)) return { ok: false, error: 'bad-form', detail: `unknown category ${rest.trim()}` };
  if (head.form === 'slash' || head.form === 'mention') {
    if (!/^[\s:：,，]/u.test(rest)) return { ok: false, error: 'bad-form', detail: 'missing space after /issue' };
    return { title: cleanTitle(rest) };
  }
  if (/^\s*[:：]/u.test(rest) || /^[^\S\n]*\n/u.test(rest)) return { title: cleanTitle(rest) };
  // 以上五条开工单了吗 is chat; 以上五条开工单 安装失败 is a command missing its colon.
  if (/^\s/u.test(rest) && head.form === 'zh') return { ok: false, error: 'bad-form', detail: 'title needs a colon' };
  return undefined;
}

function countFor(head: Head, quoting: boolean): IssueCount | IssueCommandParse {
  if (head.token !== undefined) return countOf(head.token) ?? { ok: false, error: 'bad-count', detail: head.token };
  if (head.form === 'mention') return quoting ? 'quoted' : 'default';
  if (head.form === 'zh-bare') return quoting ? 'quoted' : { ok: false, error: 'missing-quote' };
  return 'default';
}

function finish(head: Head, quoting: boolean): Outcome {
  const { rest, categories } = takeCategoryTags(head.tail);
  const title = titleOf(head, rest);
  if (title === undefined || 'ok' in title) return title;
  const count = countFor(head, quoting);
  if (typeof count === 'object') return count;
  if (categories.length > 1) return { ok: false, error: 'bad-form', detail: `conflicting categories ${categories.join(', ')}` };
  const [category] = categories;
  return { ok: true, count, ...(title.title ? { title: title.title } : {}), ...(category ? { category } : {}) };
}

/**
 * Reads an issue command, or returns `undefined` for ordinary chat. The command must be the whole
 * message (after a leading or trailing `@bot` mention and trailing 。！.!~… are dropped):
 * - `以上N条开工单` (also 创建工单, 建工单, 提issue, 开issue, 开个工单…; 上面/上述 for 以上; N in
 *   Arabic, full-width or Chinese digits; spaces and 、， anywhere in the head; 请/帮我把 before it,
 *   ，谢谢 after it) → N;
 *   `以上开工单` → `'default'`. A title follows a colon or a line break: `以上五条开工单：安装失败`.
 *   A title after a mere space is `bad-form` (the bot should teach the colon).
 * - `开工单`, `开工单：标题`, `提issue` without 以上 → `'quoted'` when the message quotes another,
 *   else `missing-quote`.
 * - `/issue [N] [title]`: `/issue 5 login fails` → 5 with a title; `/issue login fails` → `'default'`
 *   with a title (a first word that is not a number starts the title); `/issue` → `'default'`,
 *   quoting or not. `/issue5` is read as `/issue 5`; `/issue5x` is `bad-form`.
 * - `@bot issue [N] [title]` → as `/issue`, except that without N it is `'quoted'` when quoting.
 * - Category tags at the start or end of the tail (`#缺陷 #需求 #文档 #帮助`, `#bug #feature #docs
 *   #question`, case-insensitive, and a few synonyms such as #错误 #功能 #enhancement #help) set
 *   `category` and leave the title; two different ones are `bad-form`, a lone unknown `#tag` is
 *   `bad-form`; `#123` is title text.
 * - A bare command ending in ？ (`以上五条开工单？`) is a question, so `undefined`.
 * - N of 0, negative, decimal, or not a number (几, 好多, 十十) is `bad-count` with N as `detail`.
 *   Large N is returned as is: the caller enforces its maximum.
 */
export function parseIssueCommand(text: string, options: IssueCommandOptions): IssueCommandParse | undefined {
  // Every form names 工单 or issue: most chat is turned away here, before any other work.
  if (!MAY_BE_COMMAND.test(text)) return undefined;
  const clean = text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
  const { text: body, mentioned } = stripBotMention(clean.replace(SOFT_END, '').replace(THANKS_END, ''), options.botNames);
  const command = body.replace(SOFT_END, '').replace(THANKS_END, '');
  const head = matchHead(command, mentioned);
  return head ? finish(head, options.quoting) : undefined;
}
