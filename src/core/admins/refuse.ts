import type { Permission } from '../commands/command.js';
import type { ChatContext } from '../context.js';

export interface Refusal {
  /** The command's name, as the refusal names it. */
  command: string;
  /** Who may run it: bot admins (default), or also the group's owner and admins. */
  permission?: Exclude<Permission, 'anyone'>;
  /** Says why in the command's own words, instead of "only admins can use …". */
  reason?: string;
}

/**
 * Every refusal of a command the sender may not run: why, then how to become a bot admin: ask an admin, or,
 * while there is none, say the claim code shown where the bot runs. It never says who the admins are.
 */
export async function refuse(ctx: Pick<ChatContext, 't' | 'admins' | 'reply'>, refusal: Refusal): Promise<void> {
  const key = refusal.permission === 'room-admin' ? 'command.deniedRoomAdmin' : 'command.denied';
  const reason = refusal.reason ?? ctx.t(key, { command: refusal.command });
  const hint = ctx.t((await ctx.admins.exists()) ? 'admins.hint.ask' : 'admins.hint.claim');
  await ctx.reply(`${reason}\n${hint}`);
}
