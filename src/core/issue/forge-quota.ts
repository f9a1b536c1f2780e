import type { ChatContext } from '../context.js';
import type { QuotaWindow } from '../services.js';
import type { ForgeWriteScope } from '../../store/repositories/forge-write.repository.js';
import type { Repositories } from '../../store/store.js';

/**
 * Claims one of the sender's and the room's forge writes (`issues.quota`): undefined when the
 * write may go ahead (it now counts), else the polite refusal saying when to try again. Counted
 * from the store, so a restart or a second worker changes nothing. A command accepted before (a
 * retry after a crash or an outage) is never refused, and admins are not limited.
 */
export async function claimForgeWrite(ctx: ChatContext, kind: 'issue' | 'comment', now = new Date()): Promise<string | undefined> {
  if (ctx.isAdmin) return undefined;
  const { perMember, perRoom } = ctx.services.issues.quota;
  return ctx.store.transaction(async (tx) => {
    await tx.forgeWrites.lockMember(ctx.sender.id);
    if (await tx.forgeWrites.has(ctx.message.id)) return undefined;
    const memberWait = await minutesToWait(tx, { memberId: ctx.sender.id }, perMember, now);
    if (memberWait) return ctx.t('quota.member', { count: perMember.count, minutes: perMember.minutes, wait: memberWait });
    const roomWait = await minutesToWait(tx, { roomId: ctx.room.id }, perRoom, now);
    if (roomWait) return ctx.t('quota.room', { count: perRoom.count, minutes: perRoom.minutes, wait: roomWait });
    await tx.forgeWrites.record({ commandMessageId: ctx.message.id, roomId: ctx.room.id, memberId: ctx.sender.id, kind, at: now });
    return undefined;
  });
}

/** Whole minutes until the window holds fewer than `count` writes again; undefined when it already does. */
async function minutesToWait(tx: Repositories, scope: ForgeWriteScope, window: QuotaWindow, now: Date): Promise<number | undefined> {
  if (window.count === 0) return undefined;
  const windowMs = window.minutes * 60_000;
  const times = await tx.forgeWrites.timesSince(scope, new Date(now.getTime() - windowMs), window.count);
  if (times.length < window.count) return undefined;
  const freeAt = times[window.count - 1]!.getTime() + windowMs;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}
