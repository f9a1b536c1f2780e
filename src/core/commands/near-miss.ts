import type { ChatContext } from '../context.js';
import { stripBotMention } from '../issue/parse-issue-command.js';
import type { Command } from './command.js';
import { mayBeNearMiss } from './near-miss-forms.js';

type NearMissArgs = { said: string; commands: string[] };

/** A longer message is chat (or a real command with a long title), never a near miss. */
const MAX_LENGTH = 200;
const SOFT_END = /(?<![\s。.!！~～…])[\s。.!！~～…]+$/u;
const SOFT_END_CHARACTER = /^[\s。.!！~～…]$/u;
const SHOWN = 30;

const excerpt = (text: string) => ([...text].length > SHOWN ? `${[...text].slice(0, SHOWN).join('')}…` : text);

function parse(rows: () => readonly Command<any>[], text: string, botNames: readonly string[]): NearMissArgs | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const trimmed = text.trim();
  // Only a message with an @ can hold the bot's name: the rest is spared building the mention patterns.
  const { text: body, mentioned } = /[@＠]/.test(trimmed) ? stripBotMention(trimmed, botNames) : { text: trimmed, mentioned: false };
  if (!mayBeNearMiss(body, mentioned)) return undefined;
  const said = SOFT_END_CHARACTER.test(body.at(-1) ?? '') ? body.replace(SOFT_END, '') : body;
  let commands: string[] | undefined;
  for (const row of rows()) if (row.looksLike?.(said, mentioned)) (commands ??= []).push(row.name);
  return commands && { said: trimmed, commands };
}

async function run(ctx: ChatContext, rows: readonly Command<any>[], args: NearMissArgs): Promise<void> {
  const forms = rows.filter((row) => args.commands.includes(row.name)).map((row) => row.usage[ctx.locale]);
  await ctx.reply(ctx.t('command.malformed', { said: excerpt(args.said), usage: forms.join(ctx.locale === 'zh-CN' ? '；' : '; ') }));
}

/**
 * The last row of the command table: a message no row parsed but one row's `looksLike` recognises
 * (`以上条开工单`, `以上 abc 条开工单`, `订阅 wechaty`, `/issues 5`). It is stored as the command
 * `malformed`, so it never joins an issue transcript, a conversation, the archive or the analytics,
 * and the sender is told the right form in the room's language.
 */
export function createNearMissCommand(rows: () => readonly Command<any>[]): Command<NearMissArgs> {
  return {
    name: 'malformed',
    usage: { 'zh-CN': '', en: '' },
    help: { 'zh-CN': '', en: '' },
    permission: 'anyone',
    parse: (text, info) => parse(rows, text, info.botNames),
    run: (ctx, args) => run(ctx, rows(), args),
  };
}
