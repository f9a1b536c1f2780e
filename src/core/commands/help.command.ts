import type { ChatContext } from '../context.js';
import { stripBotMention } from '../issue/parse-issue-command.js';
import { foldForMatching } from '../text/fold-for-matching.js';
import { permits, type Command } from './command.js';
import { looksLikeHelp } from './near-miss-forms.js';

type HelpArgs = { topic?: string };

/** Longer messages are never a request for help: the patterns below then never see them. */
const MAX_LENGTH = 200;
const MAY_BE_HELP = /help|帮助/i;
const END = String.raw`[\s。.!！~～?？]*$`;
const SLASH = new RegExp(String.raw`^[/／](?:help|帮助)(?:\s+([^\n]+?))?${END}`, 'i');
const ZH = new RegExp(String.raw`^帮助(?:\s+([^\n]+?))?${END}`);
const EN = new RegExp(String.raw`^help(?:\s+([^\n]+?))?${END}`, 'i');

const forms = (command: Command<any>): string[] => [command.usage['zh-CN'], command.usage.en].flatMap((usage) => usage.split(' · ')).map((form) => form.toLowerCase());

/** The rows a topic names: by name (`issue`, `/subscribe`), else every row with a usage form holding it (`开工单`, `订阅`). */
export function rowsAbout(rows: readonly Command<any>[], topic: string): Command<any>[] {
  const wanted = foldForMatching(topic.trim().replace(/^[/／]/, '')).toLowerCase();
  const named = rows.filter((row) => row.name === wanted);
  if (named.length > 0 || [...wanted].length < 2) return named;
  return rows.filter((row) => forms(row).some((form) => form.includes(wanted)));
}

/**
 * `/help`, `帮助`, `@bot help` (or `帮助`) → the list; with a topic, that command's details. The bare
 * `帮助 TOPIC` counts only when the topic names a command (`帮助 一下新人` is chat).
 */
function parse(rows: () => readonly Command<any>[], text: string, botNames: readonly string[]): HelpArgs | undefined {
  if (text.length > MAX_LENGTH || !MAY_BE_HELP.test(text)) return undefined;
  const { text: body, mentioned } = stripBotMention(text.trim(), botNames);
  const match = SLASH.exec(body) ?? ZH.exec(body) ?? (mentioned ? EN.exec(body) : null);
  if (!match) return undefined;
  const topic = match[1]?.trim();
  if (!topic) return {};
  if (match[0].startsWith('帮助') && !mentioned && rowsAbout(rows(), topic).length === 0) return undefined;
  return { topic };
}

/** What a sender who may not run the row sees after its usage. */
function restriction(ctx: ChatContext, row: Command<any>): string {
  if (permits(row.permission, ctx)) return '';
  return ctx.t(row.permission === 'room-admin' ? 'help.roomAdminsOnly' : 'help.adminsOnly');
}

function list(ctx: ChatContext, rows: readonly Command<any>[]): string {
  const lines = rows.map((row) => `• ${row.usage[ctx.locale]}${restriction(ctx, row)}`);
  return ctx.t('help.list', { lines: lines.join('\n') });
}

function details(ctx: ChatContext, rows: readonly Command<any>[]): string {
  return rows.map((row) => `${row.usage[ctx.locale]}${restriction(ctx, row)}\n${row.help[ctx.locale]}`).join('\n\n');
}

async function run(ctx: ChatContext, rows: readonly Command<any>[], args: HelpArgs): Promise<void> {
  if (args.topic === undefined) return ctx.reply(list(ctx, rows));
  const about = rowsAbout(rows, args.topic);
  await ctx.reply(about.length > 0 ? details(ctx, about) : `${ctx.t('help.unknown', { topic: args.topic })}\n${list(ctx, rows)}`);
}

/**
 * The help command, generated from the command table: `rows` gives the table's rows when help runs
 * (the registry passes them in, so no module imports the table it is part of).
 */
export function createHelpCommand(rows: () => readonly Command<any>[]): Command<HelpArgs> {
  return {
    name: 'help',
    usage: { 'zh-CN': '帮助 · 帮助 命令', en: '/help · /help COMMAND' },
    help: { 'zh-CN': '列出机器人的命令；加上命令名看它的用法', en: 'list the bot’s commands; add a command’s name for its details' },
    permission: 'anyone',
    parse: (text, info) => parse(rows, text, info.botNames),
    looksLike: looksLikeHelp,
    run: (ctx, args) => run(ctx, rows(), args),
  };
}
