import type { ChatContext } from '../context.js';

export type BackoffContext = Pick<ChatContext, 'store' | 'room' | 'sender' | 'message'>;

/** How many wrong codes are answered within a sliding window: per member, and per scope (a room, or everyone). */
export interface BackoffLimits {
  perMember: number;
  perScope: number;
  windowMs: number;
}

/** Where wrong codes are remembered, one per message: durable, so a restart forgets nothing. */
export interface FailureLog {
  /** Wrong codes since `since` by the member and in the scope, leaving out this message's own. */
  count(ctx: BackoffContext, since: Date): Promise<{ member: number; scope: number }>;
  record(ctx: BackoffContext): Promise<void>;
}

export interface CodeBackoff {
  /** The member or the scope said too many wrong codes lately: every code is ignored, even a right one. */
  lockedOut(ctx: BackoffContext): Promise<boolean>;
  /** Records this message's wrong code; true when it is the one that locks the member or the scope out. */
  recordWrong(ctx: BackoffContext): Promise<boolean>;
  readonly lockoutMinutes: number;
}

/**
 * Backs off guesses of one-time codes (bind codes, claim codes). A retried command decides as its first
 * run did: its own failure is left out of the count.
 */
export function codeBackoff(limits: BackoffLimits, log: FailureLog): CodeBackoff {
  const since = () => new Date(Date.now() - limits.windowMs);
  const overLimit = (counts: { member: number; scope: number }) => counts.member >= limits.perMember || counts.scope >= limits.perScope;
  return {
    lockedOut: async (ctx) => overLimit(await log.count(ctx, since())),
    async recordWrong(ctx) {
      await log.record(ctx);
      const before = await log.count(ctx, since());
      return overLimit({ member: before.member + 1, scope: before.scope + 1 });
    },
    lockoutMinutes: Math.ceil(limits.windowMs / 60_000),
  };
}
