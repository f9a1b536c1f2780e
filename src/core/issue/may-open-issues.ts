import type { ChatContext } from '../context.js';

/** Whether the sender may act on the forge from chat (open issues, comment): `issues.allow`. */
export function mayOpenIssues(ctx: Pick<ChatContext, 'services' | 'isAdmin' | 'sender'>): boolean {
  const { allow, members } = ctx.services.issues;
  if (allow === 'everyone' || ctx.isAdmin) return true;
  return allow === 'members' && members.includes(ctx.sender.externalId);
}
