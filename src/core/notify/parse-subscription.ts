import type { ForgeFeature } from './forge-event.js';
import { readWords, tokenize } from './parse-subscription-filters.js';

/** The filters one command gives; absent keys leave the subscription's own as they are. */
export interface FilterChange {
  /** `+label:` / `label:` values: events carrying any of them. */
  labels?: string[];
  /** `-label:` values. */
  excludeLabels?: string[];
  /** `-author:` values. */
  excludeActors?: string[];
  /** `bots:on` (true) / `bots:off` (false). */
  bots?: boolean;
  /** `actions:` values, for the features named in the same command (every subscribed one when none is named); `all` lifts the restriction. */
  actions?: string[] | 'all';
  /** `digest:`; `off` means live messages. */
  digest?: 'daily' | 'weekly' | 'off';
}

/** Why a message meant as a subscription command cannot be carried out as written. */
export type SubscriptionProblem =
  | { problem: 'missing-repo' }
  | { problem: 'bad-repo'; value: string }
  | { problem: 'unknown-feature'; value: string; suggestion?: string }
  | { problem: 'unknown-filter'; value: string; suggestion?: string }
  /** `expected` shows the right form, e.g. `digest:daily / digest:weekly / digest:off`. */
  | { problem: 'bad-value'; value: string; expected: string; suggestion?: string }
  /** A switch (`bots:`, `digest:`, `actions:`) given to unsubscribe; `instead` is what to subscribe with. */
  | { problem: 'not-removable'; value: string; instead: string };

export type SubscriptionVerb = 'subscribe' | 'unsubscribe';

/** A subscribe or unsubscribe command; `features` is absent when the command names none. */
export interface ChangeCommand {
  kind: SubscriptionVerb;
  /** owner/name, lower case. */
  repo: string;
  features?: ForgeFeature[];
  filters: FilterChange;
}

/** What a message asks of the subscription commands. */
export type SubscriptionCommand =
  | { kind: 'list' }
  | ChangeCommand
  | ({ kind: 'malformed'; verb: SubscriptionVerb; repo?: string } & SubscriptionProblem);

interface Head {
  verb: SubscriptionVerb;
  tail: string;
}

const MAY_BE_COMMAND = /订阅|退订|subscri/i;
const MAX_LENGTH = 1000;
const SOFT_END = /(?<![\s。.!！~～…])[\s。.!！~～…]+$/u;
const QUESTION_END = /[?？]\s*$/u;
const LIST = /^(?:订阅列表|查看订阅(?:列表)?|[/／]?(?:github\s+)?(?:subscriptions|subscribe\s+list(?:\s+features)?))$/i;
const SLASH = /^[/／](?:github\s+)?(un)?subscribe(?=\s|$)/i;
const BARE = /^(un)?subscribe(?=\s|$)/i;
const REPO_AHEAD = String.raw`(?:(?:https?:\/\/|www\.|git@)?github\.com[/:]|[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+(?=$|[\s、，；;]))`;
const ZH = new RegExp(String.raw`^(?:请|麻烦)?\s*(?:帮忙|帮我)?\s*(取消订阅|退订|订阅)[\s:：]*(?=${REPO_AHEAD})`, 'i');
const OWNER_REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
const GITHUB_URL = /^(?:(?:https?:\/\/)?(?:www\.)?github\.com\/|git@github\.com:)([^/?#\s]+)\/([^/?#\s]+)/i;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function stripMention(text: string, botNames: readonly string[]): { text: string; mentioned: boolean } {
  const names = /^[@＠]/.test(text) ? botNames.filter((name) => name.trim()).map(escapeRegExp) : [];
  if (names.length === 0) return { text, mentioned: false };
  const stripped = text.replace(new RegExp(String.raw`^[@＠](?:${names.join('|')})(?![A-Za-z0-9_])[\s\u2005]*`, 'iu'), '');
  return { text: stripped, mentioned: stripped !== text };
}

// A slash (or, after @bot, a bare English verb) is clearly meant; 订阅 only with a repository after it.
function matchHead(text: string, mentioned: boolean): Head | undefined {
  const english = SLASH.exec(text) ?? (mentioned ? BARE.exec(text) : null);
  if (english) return { verb: english[1] ? 'unsubscribe' : 'subscribe', tail: text.slice(english[0].length).replace(/[?？]+$/u, '') };
  if (QUESTION_END.test(text)) return undefined;
  const zh = ZH.exec(text);
  if (!zh) return undefined;
  return { verb: zh[1] === '订阅' ? 'subscribe' : 'unsubscribe', tail: text.slice(zh[0].length) };
}

/** owner/repo (lower case) from `owner/repo` or a github.com address, or undefined. */
export function repoOf(token: string): string | undefined {
  const url = GITHUB_URL.exec(token);
  const name = (url ? `${url[1]}/${url[2]}` : token.replace(/\/$/, '')).replace(/\.git$/i, '');
  const match = OWNER_REPO.exec(name);
  return match && match[2] !== '.' && match[2] !== '..' ? name.toLowerCase() : undefined;
}

function finish(head: Head): SubscriptionCommand {
  const [first, ...rest] = tokenize(head.tail);
  if (first === undefined) return { kind: 'malformed', verb: head.verb, problem: 'missing-repo' };
  const repo = repoOf(first);
  if (!repo) return { kind: 'malformed', verb: head.verb, problem: 'bad-repo', value: first };
  const words = readWords(rest, head.verb);
  if ('problem' in words) return { kind: 'malformed', verb: head.verb, repo, ...words };
  return { kind: head.verb, repo, ...words };
}

/**
 * Reads a subscription command, or returns `undefined` for ordinary chat. The command is the whole
 * message (a leading `@bot` and trailing 。.!~ are dropped):
 * - `订阅 owner/repo [features] [filters]`, `/subscribe …`, `/github subscribe …`, `@bot subscribe …`;
 *   `取消订阅`/`退订` and `/unsubscribe` likewise. The repository may be a github.com address.
 * - `订阅列表`, `查看订阅`, `/subscriptions`, `/subscribe list` list the room's subscriptions.
 * - The Chinese verbs count only with a repository right after them, and never in a question
 *   (`怎么订阅 release 通知？`, `取消订阅怎么弄` are chat). The English forms always count, so
 *   `/subscribe` alone or with a wrong word is `malformed`, with a did-you-mean where one is near.
 */
export function parseSubscriptionCommand(text: string, botNames: readonly string[] = []): SubscriptionCommand | undefined {
  // Every form says 订阅, 退订 or subscri…: most chat is turned away here, before any other work.
  if (!MAY_BE_COMMAND.test(text) || text.length > MAX_LENGTH) return undefined;
  const clean = text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
  const { text: body, mentioned } = stripMention(clean, botNames);
  const command = body.replace(SOFT_END, '');
  if (LIST.test(command) && (mentioned || !/^(?:github\s+)?subscri/i.test(command))) return { kind: 'list' };
  const head = matchHead(command, mentioned);
  return head ? finish(head) : undefined;
}
