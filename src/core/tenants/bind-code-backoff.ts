import { codeBackoff } from '../commands/code-backoff.js';

/**
 * How many wrong bind codes are answered before the bot goes quiet: per member (in any room) and per room
 * (by anyone), within a sliding window. Codes have 32^8 values; at 5 guesses per 15 minutes a member
 * would need millions of years to find one of a few live codes.
 */
export const BIND_CODE_BACKOFF = { perMember: 5, perRoom: 20, windowMs: 15 * 60_000 } as const;

const backoff = codeBackoff(
  { perMember: BIND_CODE_BACKOFF.perMember, perScope: BIND_CODE_BACKOFF.perRoom, windowMs: BIND_CODE_BACKOFF.windowMs },
  {
    count: async (ctx, since) => {
      const { member, room } = await ctx.store.tenants.bindCodeFailures(ctx.room.id, ctx.sender.id, since, ctx.message.id);
      return { member, scope: room };
    },
    record: (ctx) => ctx.store.tenants.recordBindCodeFailure(ctx.message.id, ctx.room.id, ctx.sender.id),
  },
);

/** The member or the room said too many wrong codes lately: every code is ignored, even a right one. */
export const bindCodesLockedOut = backoff.lockedOut;

/** Records this message's wrong code; true when it is the one that locks the member or the room out. */
export const recordWrongBindCode = backoff.recordWrong;

export const BIND_CODE_LOCKOUT_MINUTES = backoff.lockoutMinutes;
