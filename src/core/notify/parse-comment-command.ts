import type { ParseInfo } from '../commands/command.js';

export type CommentArgs = { ok: true; repo?: string; number: number; text: string } | { ok: false };

const REPO = String.raw`([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)`;
const SLASH = new RegExp(String.raw`^[/／]comment(?:\s+(?:${REPO})?#?(\d+))?(?:\s+([\s\S]+))?$`, 'i');
const ZH = [
  new RegExp(String.raw`^(?:${REPO})?#(\d+)\s*评论\s*[:：]\s*([\s\S]+)$`),
  new RegExp(String.raw`^评论\s*(?:${REPO})?#(\d+)\s*[:：]\s*([\s\S]+)$`),
];
// A notification begins "[owner/repo] … #12"; the bot's issue reply holds the issue's address.
const NOTIFICATION = new RegExp(String.raw`^\[${REPO}\][^\n]*?#(\d+)`);
const ISSUE_URL = new RegExp(String.raw`https?:\/\/[^\s/]+\/${REPO}\/(?:issues|pull)\/(\d+)`);

/**
 * `/comment N text`, `/comment owner/repo#N text`, `#N 评论：text`, `评论 #N：text`, or any reply
 * to the bot's notification or issue message about #N. `{ ok: false }` for a clearly meant but
 * incomplete `/comment`; `undefined` for anything else.
 */
export function parseCommentCommand(text: string, info: Pick<ParseInfo, 'quoted'>): CommentArgs | undefined {
  const trimmed = text.trim();
  const slash = SLASH.exec(trimmed);
  if (slash) return slash[2] && slash[3]?.trim() ? { ok: true, repo: slash[1], number: Number(slash[2]), text: slash[3].trim() } : { ok: false };
  for (const pattern of ZH) {
    const match = pattern.exec(trimmed);
    if (match) return { ok: true, repo: match[1], number: Number(match[2]), text: match[3]!.trim() };
  }
  return info.quoted?.fromBot && trimmed ? fromQuote(info.quoted.text, trimmed) : undefined;
}

function fromQuote(quoted: string, text: string): CommentArgs | undefined {
  const match = NOTIFICATION.exec(quoted) ?? ISSUE_URL.exec(quoted);
  return match ? { ok: true, repo: match[1], number: Number(match[2]), text } : undefined;
}
