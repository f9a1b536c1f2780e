import type { Store, ThreadPlacement } from '../../store/store.js';
import type { Room } from '../types.js';
import { SenderNames, toThreadMessage } from './room-threads.js';
import { Threader } from './threader.js';

const BATCH = 1000;

/**
 * Places every message people wrote in a room again, oldest first, and stores the placements
 * (the bot's own messages and commands stay outside conversations). For a log imported or
 * recorded before threading, or after new weights.
 */
export async function rebuildRoomThreads(store: Store, room: Room): Promise<{ messages: number; conversations: number }> {
  const threader = new Threader();
  const senders = new SenderNames(store.members);
  const conversations = new Set<string>();
  let batch: ThreadPlacement[] = [];
  let messages = 0;
  const flush = async (): Promise<void> => {
    const placements = batch;
    batch = [];
    if (placements.length) await store.transaction((tx) => tx.messages.setThreads(room.id, placements));
  };
  for await (const message of store.messages.streamRoom(room.id)) {
    if (message.isSelf || message.command !== null || message.recalledAt !== null) continue;
    const link = threader.add(toThreadMessage(message, await senders.of(message.senderId)));
    conversations.add(link.conversation);
    messages++;
    batch.push({ platformMsgId: message.platformMsgId, conversationId: link.conversation, threadParent: link.replyTo });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return { messages, conversations: conversations.size };
}
