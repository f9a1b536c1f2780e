import type { Kysely } from 'kysely';
import type { StoredMessage } from '../../core/types.js';
import type { Database } from '../schema.js';
import type { ThreadPlacement } from '../store.js';
import { toMessage } from './mappers.js';
import { peopleMessagesBefore } from './message.repository.js';

type Db = Kysely<Database>;

/** Up to `limit` messages people wrote in a conversation before message `beforeId` (the newest), oldest first. */
export async function messagesInConversation(db: Db, roomId: number, conversationId: string, beforeId: number, limit: number): Promise<StoredMessage[]> {
  const rows = await peopleMessagesBefore(db, roomId, beforeId).where('conversation_id', '=', conversationId).limit(limit).execute();
  return rows.map(toMessage).reverse();
}

/** Records where messages sit in the room's conversations. */
export async function setThreads(db: Db, roomId: number, placements: ThreadPlacement[]): Promise<void> {
  for (const placement of placements) {
    await db
      .updateTable('messages')
      .set({ conversation_id: placement.conversationId, thread_parent: placement.threadParent })
      .where('room_id', '=', roomId)
      .where('platform_msg_id', '=', placement.platformMsgId)
      .execute();
  }
}
