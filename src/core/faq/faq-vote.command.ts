import type { Command } from '../commands/command.js';
import type { ChatContext } from '../context.js';
import { entriesOfRoom } from './entries-of-room.js';

const NOT_HELPFUL = /^(?:没用|无用|不对|错了|答非所问|wrong|not helpful|useless|👎)[\s。.!！]*$/i;

/** `没用` / `wrong` quoting one of the bot's answers: a not-helpful vote that lowers that entry. */
async function run(ctx: ChatContext, args: { quoted: string }): Promise<void> {
  // Only an entry the room could have been answered with: never another tenant's.
  const entry = (await entriesOfRoom(ctx)).find((candidate) => args.quoted.trim().startsWith(candidate.answer.trim()));
  if (!entry) return;
  if (!(await ctx.store.faq.vote(entry.id, ctx.sender.id, false))) return ctx.log.info({ entry: entry.id }, 'faq: repeated vote ignored');
  const stored = await ctx.store.faq.get(entry.id);
  if (stored) ctx.services.faq?.put(stored);
  await ctx.reply(ctx.t('faq.voted'));
}

export const faqVoteCommand: Command<{ quoted: string }> = {
  name: 'faq-vote',
  usage: { 'zh-CN': '引用机器人的回答，回复「没用」', en: 'reply "wrong" to one of the bot\'s answers' },
  help: { 'zh-CN': '告诉机器人这个回答没用', en: 'tell the bot an answer did not help' },
  permission: 'anyone',
  parse: (text, info) => (info.quoted?.fromBot && NOT_HELPFUL.test(text.trim()) ? { quoted: info.quoted.text } : undefined),
  run,
};
