import type { HistoryMessage, Store } from '../../store/store.js';
import type { Room } from '../types.js';
import type { AnalyticsMessage } from './analytics-message.js';
import type { AnalysisSettings } from './analysis-settings.js';
import type { AnalyticsReport } from './analytics-report.js';
import { RoomAnalysis } from './room-analysis.js';

/**
 * Rows read per page. Large on purpose: each page is one keyset query, and on SQLite a page costs
 * the same whatever its size; 50,000 messages are a few tens of megabytes at most.
 */
const PAGE_SIZE = 20_000;

type Sender = { id: string; name: string };

/** Sender ids and names, looked up once per sender. */
class Senders {
  private readonly known = new Map<number, Sender>();

  constructor(private readonly store: Store) {}

  get(id: number): Sender | undefined {
    return this.known.get(id);
  }

  async load(id: number): Promise<Sender> {
    const member = await this.store.members.findById(id);
    const sender = { id: member?.externalId ?? String(id), name: member?.name ?? member?.externalId ?? String(id) };
    this.known.set(id, sender);
    return sender;
  }
}

/** A stored message as the analysis reads it. */
function toAnalytics(message: HistoryMessage, sender: Sender): AnalyticsMessage {
  const conversationId = message.conversationId;
  return {
    id: message.platformMsgId, senderId: sender.id, senderName: sender.name, text: message.text, ts: message.ts,
    kind: message.kind, replyTo: message.replyTo, recalled: message.recalled, self: message.isSelf,
    ...(conversationId ? { conversationId } : {}),
  };
}

/** The analysis of a stored room, its trend windows ended by the room's newest message. */
export async function startRoomAnalysis(store: Store, room: Room, name: { id: string; name: string }, settings: Omit<AnalysisSettings, 'room'>): Promise<RoomAnalysis> {
  const [newest] = await store.messages.recent(room.id, 1);
  return new RoomAnalysis({ ...settings, room: { ...name, repo: room.repo }, ...(newest ? { historyEnd: newest.ts.getTime() } : {}) });
}

/** Analyses a stored room in one pass; `settings.room` and `historyEnd` are filled in from the store. */
export async function analyzeRoom(store: Store, room: Room, settings: Omit<AnalysisSettings, 'room'>): Promise<AnalyticsReport> {
  const analysis = await startRoomAnalysis(store, room, { id: room.externalId, name: room.topic ?? room.externalId }, settings);
  const senders = new Senders(store);
  // Whole pages of lean rows (no row ids, no Date objects): one async step per page, not per message.
  for await (const page of store.messages.historyPages(room.id, PAGE_SIZE)) {
    for (const message of page) {
      // Never counted, so not worth building: recalled messages, the bot's own, and commands (以上五条开工单 is no topic of the room).
      if (message.recalled || message.isSelf || message.command !== null) continue;
      analysis.add(toAnalytics(message, senders.get(message.senderId) ?? (await senders.load(message.senderId))));
    }
  }
  return analysis.report();
}
