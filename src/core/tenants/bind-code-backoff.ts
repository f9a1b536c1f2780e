import type { ChatContext } from '../context.js';

/**
 * How many wrong bind codes are answered before the bot goes quiet: per member (in any room) and per room
 * (by anyone), within a sliding window. Codes have 32^8 values; at 5 guesses per 15 minutes a member
 * would need millions of years to find one of a few live codes.
 */
export const BIND_CODE_BACKOFF = { perMember: 5, perRoom: 20, windowMs: 15 * 60_000 } as const;

type BackoffContext = Pick<ChatContext, 'store' | 'room' | 'sender' | 'message'>;

async function failures(ctx: BackoffContext) {
  const since = new Date(Date.now() - BIND_CODE_BACKOFF.windowMs);
  // This message's own failure is left out: a retried command decides as its first run did.
  return ctx.store.tenants.bindCodeFailures(ctx.room.id, ctx.sender.id, since, ctx.message.id);
}

function overLimit(counts: { member: number; room: number }): boolean {
  return counts.member >= BIND_CODE_BACKOFF.perMember || counts.room >= BIND_CODE_BACKOFF.perRoom;
}

/** The member or the room said too many wrong codes lately: every code is ignored, even a right one. */
export async function bindCodesLockedOut(ctx: BackoffContext): Promise<boolean> {
  return overLimit(await failures(ctx));
}

/** Records this message's wrong code; true when it is the one that locks the member or the room out. */
export async function recordWrongBindCode(ctx: BackoffContext): Promise<boolean> {
  await ctx.store.tenants.recordBindCodeFailure(ctx.message.id, ctx.room.id, ctx.sender.id);
  const before = await failures(ctx);
  return overLimit({ member: before.member + 1, room: before.room + 1 });
}

export const BIND_CODE_LOCKOUT_MINUTES = Math.ceil(BIND_CODE_BACKOFF.windowMs / 60_000);
