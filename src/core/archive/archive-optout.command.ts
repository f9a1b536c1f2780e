import type { Command } from '../commands/command.js';
import type { ChatContext } from '../context.js';

type OptOutArgs = { out: boolean };

function parse(text: string): OptOutArgs | undefined {
  const trimmed = text.trim();
  const slash = trimmed.match(/^\/archive\s+(optout|optin|opt-out|opt-in)$/i);
  if (slash) return { out: /out/i.test(slash[1]!) };
  if (/^(不公开我的消息|不要公开我的消息|存档不公开我)$/.test(trimmed)) return { out: true };
  if (/^(公开我的消息|恢复公开我的消息)$/.test(trimmed)) return { out: false };
  return undefined;
}

async function run(ctx: ChatContext, args: OptOutArgs): Promise<void> {
  await ctx.store.archive.setOptOut(ctx.sender.id, args.out);
  await ctx.reply(ctx.t(args.out ? 'archive.optedOut' : 'archive.optedIn'));
}

/** `不公开我的消息` · `/archive optout` (and back in): anyone, for themselves, in every room and retroactively. */
export const archiveOptOutCommand: Command<OptOutArgs> = {
  name: 'archive-optout',
  usage: { 'zh-CN': '不公开我的消息 · 公开我的消息', en: '/archive optout · /archive optin' },
  help: { 'zh-CN': '把自己的消息和名字从公开存档中移除（或恢复）', en: 'keep your messages and name out of the public archive (or back in)' },
  permission: 'anyone',
  parse,
  run,
};
