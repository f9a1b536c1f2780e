import { createHash } from 'node:crypto';
import type { ChatContext } from '../context.js';

/** A key no other room, platform or deployment shares for this command message: it marks what the command wrote on the forge. */
export function commandKey(ctx: Pick<ChatContext, 'room' | 'message'>, prefix: string): string {
  const source = `${ctx.room.platform}\u0000${ctx.room.externalId}\u0000${ctx.message.platformMsgId}`;
  return `${prefix}-${createHash('sha256').update(source).digest('hex').slice(0, 24)}`;
}
