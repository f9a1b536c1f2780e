import type { ArchivePrivacy, PublicMessage } from '../archive/archive-privacy.js';
import type { Store } from '../../store/store.js';
import type { Room } from '../types.js';
import type { AnalyticsMessage } from './analytics-message.js';
import type { AnalysisSettings } from './analysis-settings.js';
import type { AnalyticsReport } from './analytics-report.js';
import { startRoomAnalysis } from './room-messages.js';

/** How long the analysis runs before it lets the event loop serve others (health checks, pages). */
const SLICE_MS = 20;

/** A published message as the analysis reads it: the display name, the redacted text, the member's row id (never a platform id). */
function toAnalytics({ message, author, text }: PublicMessage): AnalyticsMessage {
  return {
    id: message.platformMsgId, senderId: String(message.senderId), senderName: author, text, ts: message.ts.getTime(),
    kind: message.kind, replyTo: message.replyTo, conversationId: message.conversationKey,
  };
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The report a public page may show: only what the public archive shows of the room, through the
 * archive's own privacy rules (opted-in room, publishable messages, display names, redaction).
 * Runs in slices of about 20 ms so a long history never stalls the server.
 */
export async function analyzePublicRoom(store: Store, privacy: ArchivePrivacy, room: Room, settings: Omit<AnalysisSettings, 'room'>): Promise<AnalyticsReport> {
  const analysis = await startRoomAnalysis(store, room, { id: String(room.id), name: privacy.roomName(room) }, settings);
  let sliceStart = performance.now();
  for await (const page of privacy.history(room)) {
    for (const message of page) {
      analysis.add(toAnalytics(message));
      if (performance.now() - sliceStart < SLICE_MS) continue;
      await pause();
      sliceStart = performance.now();
    }
  }
  return analysis.report();
}
