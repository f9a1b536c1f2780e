/**
 * What each command looks like when it is typed wrong: the `looksLike` of the command table's rows
 * (see near-miss.ts). The text is folded, trimmed, without the bot's mention and trailing 。！~.
 * Each pattern is anchored at both ends and recognises only a message that begins as the command does
 * and holds little else; sentences that merely mention 开工单, 订阅 or "issue" stay chat. Quantifiers are
 * bounded, so no message makes them backtrack for long.
 */

// Anything but Han, or the Han that may stand where a count goes: 以上 abc 条开工单, 以上N条开工单, 以上条开工单.
const COUNTISH = String.raw`(?:[^\p{Script=Han}\n]|[零〇一二两三四五六七八九十百千万亿几多条个])`;
const POLITE = String.raw`(?:(?:请|麻烦)\s*)?(?:(?:帮忙|帮我)\s*)?(?:把\s*)?`;
const ISSUE_ZH = new RegExp(String.raw`^${POLITE}(?:以上|上面|上述)${COUNTISH}{0,16}(?:消息|聊天记录|记录)?\s*(?:开|建|创建|新建|提|提交)?\s*(?:个|一个)?\s*(?:工单|issue)(?:\s*[:：][^\n]*)?$`, 'iu');
const ISSUE_SLASH = /^[/／]\s*issues?\s*[#＃]?[0-9０-９]*$/i;
const ISSUE_ADDRESSED = /^(?:(?:open|file|create)\s+(?:an?\s+)?)?issues?(?:\s+[#＃]?[0-9０-９]+)?$/i;

/** `以上条开工单`, `以上 abc 条开工单`, `以上N条开工单：标题`, `/issues 5`, `@bot open an issue`. */
export function looksLikeIssue(text: string, addressed: boolean): boolean {
  return ISSUE_ZH.test(text) || ISSUE_SLASH.test(text) || (addressed && ISSUE_ADDRESSED.test(text));
}

// One Latin word where a repository should be: 订阅 wechaty, 绑定 gitee.com/a/b (订阅号, 绑定手机号 are chat).
const LATIN_WORD = String.raw`[A-Za-z0-9][\w.\-/:@#]{0,100}`;
const SUBSCRIBE_ZH = new RegExp(String.raw`^(?:(?:请|麻烦)\s*)?(?:(?:帮忙|帮我)\s*)?(?:取消订阅|退订|订阅)[\s:：]*${LATIN_WORD}$`);
const SUBSCRIBE_ALONE = /^(?:取消订阅|退订|订阅)$/;
const SUBSCRIBE_SLASH = /^[/／]\s*(?:github\s+)?(?:un)?subscri[a-z]*(?:\s[^\n]*)?$/i;
const SUBSCRIBE_ADDRESSED = /^(?:un)?subscri[a-z]*(?:\s[^\n]*)?$/i;

/** `订阅 wechaty`, `/subscription x`, `/ subscribe x`; `订阅` alone only when said to the bot. */
export function looksLikeSubscribe(text: string, addressed: boolean): boolean {
  if (SUBSCRIBE_ZH.test(text) || SUBSCRIBE_SLASH.test(text)) return true;
  return addressed && (SUBSCRIBE_ALONE.test(text) || SUBSCRIBE_ADDRESSED.test(text));
}

const BIND_ZH = new RegExp(String.raw`^(?:绑定(?:仓库)?|解绑|取消绑定)[\s:：]*${LATIN_WORD}$`);
const BIND_SLASH = /^[/／]\s*(?:un)?bind[a-z]*(?:\s[^\n]*)?$/i;

/** `绑定 wechaty`, `解绑 wechaty/wechaty`, `/unbind x`, `/binding`. */
export function looksLikeBind(text: string): boolean {
  return BIND_ZH.test(text) || BIND_SLASH.test(text);
}

const REPO = String.raw`(?:[\w.-]{1,100}\/[\w.-]{1,100})?`;
const COMMENT_ZH = [
  new RegExp(String.raw`^${REPO}[#＃][0-9]{1,9}\s*评论(?:[\s:：][^\n]*)?$`),
  new RegExp(String.raw`^评论\s*${REPO}[#＃][0-9]{1,9}(?:[\s:：][^\n]*)?$`),
];
const COMMENT_SLASH = /^[/／]\s*comments?(?:\s[^\n]*)?$/i;

/** `#12 评论 内容` (no colon), `#12 评论：` (no text), `/comments 12 x`. */
export function looksLikeComment(text: string): boolean {
  return COMMENT_SLASH.test(text) || (/[#＃]/.test(text) && COMMENT_ZH.some((pattern) => pattern.test(text)));
}

const ARCHIVE_ZH = /^(?:公开存档|存档公开)[\s:：]+\S{1,6}$/;
const ARCHIVE_SLASH = /^[/／]\s*archives?(?:\s[^\n]*)?$/i;

/** `公开存档 启用`, `/archive yes`, `/archives`. */
export function looksLikeArchive(text: string): boolean {
  return ARCHIVE_ZH.test(text) || ARCHIVE_SLASH.test(text);
}

const HELP_SLASH = /^[/／](?:start|menu|commands?|cmds?|usage|h|\?|？)$/i;
const HELP_ADDRESSED = /^(?:commands?|menu|usage|\?|？|命令|菜单|命令列表)$/i;

/** What people type to find a bot's commands: `/start`, `/commands`, `@bot 菜单`. */
export function looksLikeHelp(text: string, addressed: boolean): boolean {
  return HELP_SLASH.test(text) || (addressed && HELP_ADDRESSED.test(text));
}

/**
 * How every form above can begin when the bot is not addressed (a Latin word only as the owner in
 * `owner/repo#12 评论`): most chat is turned away by this one test before the others run.
 */
const FIRST = /^(?:[/／#＃以上请麻帮把取退订绑解评公存]|[\w.-]{1,100}\/[\w.-]{1,100}[#＃])/;

/** Whether `text` may be a near miss at all; cheap, and true for every text a `looksLike…` above accepts. */
export function mayBeNearMiss(text: string, addressed: boolean): boolean {
  return addressed || FIRST.test(text);
}
