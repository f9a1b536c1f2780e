import type { Store } from '../../store/store.js';
import type { Room } from '../types.js';
import type { AnalyticsMessage } from './analytics-message.js';
import type { AnalysisSettings } from './analysis-settings.js';
import type { AnalyticsReport } from './analytics-report.js';
import { analyzeMessages } from './room-analysis.js';

const PAGE_SIZE = 5000;

/** A room's messages from the store as the analysis reads them, with sender ids and names resolved once per sender. */
export async function* roomMessages(store: Store, room: Room): AsyncIterable<AnalyticsMessage> {
  const senders = new Map<number, { id: string; name: string }>();
  for await (const message of store.messages.streamRoom(room.id, PAGE_SIZE)) {
    let sender = senders.get(message.senderId);
    if (!sender) {
      const member = await store.members.findById(message.senderId);
      sender = { id: member?.externalId ?? String(message.senderId), name: member?.name ?? member?.externalId ?? String(message.senderId) };
      senders.set(message.senderId, sender);
    }
    const conversationId = conversationOf(message);
    yield {
      id: message.platformMsgId, senderId: sender.id, senderName: sender.name, text: message.text, ts: message.ts.getTime(),
      kind: message.kind, replyTo: message.replyTo, recalled: message.recalledAt !== null, self: message.isSelf,
      ...(conversationId ? { conversationId } : {}),
    };
  }
}

/** The conversation the threading engine placed the message in, on stores that record one. */
function conversationOf(message: object): string | undefined {
  const id = (message as { conversationId?: string | null }).conversationId;
  return typeof id === 'string' ? id : undefined;
}

/** Analyses a stored room; `settings.room` and `historyEnd` are filled in from the store. */
export async function analyzeRoom(store: Store, room: Room, settings: Omit<AnalysisSettings, 'room'>): Promise<AnalyticsReport> {
  const [newest] = await store.messages.recent(room.id, 1);
  return analyzeMessages(roomMessages(store, room), {
    ...settings,
    room: { id: room.externalId, name: room.topic ?? room.externalId, repo: room.repo },
    ...(newest ? { historyEnd: newest.ts.getTime() } : {}),
  });
}
