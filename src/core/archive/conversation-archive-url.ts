import type { ChatContext } from '../context.js';
import type { StoredMessage } from '../types.js';
import { roomArchiveUrl } from './archive.command.js';

/** The public page of the conversation the messages end in, when the room is public and the archive's address is set. */
export async function conversationArchiveUrl(ctx: Pick<ChatContext, 'room' | 'services' | 'store'>, messages: readonly StoredMessage[]): Promise<string | undefined> {
  const roomUrl = ctx.room.archivePublic ? roomArchiveUrl(ctx) : undefined;
  const last = messages[messages.length - 1];
  if (!roomUrl || !last) return undefined;
  const number = await ctx.store.archive.conversationNumber(ctx.room.id, last.conversationId ?? last.platformMsgId);
  return number === undefined ? roomUrl : `${roomUrl}c/${number}/`;
}
