import type { ChatContext } from '../context.js';

/** Whom an admin command is about: the sender of the quoted message, a member @-mentioned by name, or a platform id. */
export type MemberTarget = { kind: 'quoted' } | { kind: 'name'; name: string } | { kind: 'id'; id: string };

/** A member as the command names them; `id` (the member's row) when the bot has seen them. */
export interface TargetMember {
  id?: number;
  platform: string;
  externalId: string;
  name: string | null;
}

export type Resolved = { ok: true; member: TargetMember } | { ok: false; reply: string };

/** `@张三` is a mention; any other word is a platform id. */
export function targetOf(text: string | undefined): MemberTarget {
  const value = text?.trim();
  if (!value) return { kind: 'quoted' };
  return value.startsWith('@') || value.startsWith('＠') ? { kind: 'name', name: value.slice(1).trim() } : { kind: 'id', id: value };
}

async function quotedSender(ctx: ChatContext): Promise<Resolved> {
  const quoted = ctx.message.replyTo ? await ctx.store.messages.findByPlatformId(ctx.room.id, ctx.message.replyTo) : undefined;
  if (!quoted) return { ok: false, reply: ctx.t('admins.quotedMissing') };
  if (quoted.isSelf) return { ok: false, reply: ctx.t('admins.quotedBot') };
  const member = await ctx.store.members.findById(quoted.senderId);
  return member ? { ok: true, member } : { ok: false, reply: ctx.t('admins.quotedMissing') };
}

async function named(ctx: ChatContext, name: string): Promise<Resolved> {
  const members = await ctx.store.admins.membersNamed(ctx.room.id, name);
  if (members.length === 1) return { ok: true, member: members[0]! };
  if (members.length === 0) return { ok: false, reply: ctx.t('admins.noSuchName', { name }) };
  return { ok: false, reply: ctx.t('admins.ambiguous', { name, count: members.length }) };
}

/** The member a command names; a bare id is taken on the sender's platform. */
export async function resolveTarget(ctx: ChatContext, target: MemberTarget): Promise<Resolved> {
  if (target.kind === 'quoted') return ctx.message.replyTo ? quotedSender(ctx) : { ok: false, reply: ctx.t('admins.usage') };
  if (target.kind === 'name') return named(ctx, target.name);
  const known = (await ctx.store.admins.membersWithId(target.id)).find((member) => member.platform === ctx.sender.platform);
  return { ok: true, member: known ?? { platform: ctx.sender.platform, externalId: target.id, name: null } };
}
