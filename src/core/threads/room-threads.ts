import type { MemberRepository, Repositories } from '../../store/store.js';
import type { StoredMessage } from '../types.js';
import { Threader, type ThreaderOptions } from './threader.js';
import type { ThreadLink, ThreadMessage } from './types.js';

const WARM_UP_MESSAGES = 200;
const MAX_ROOMS = 1000;
/**
 * Ids a live room remembers. At the import's 50,000 each of up to MAX_ROOMS rooms would keep about
 * 6 MB (a soak's bot grew for a million messages); a restart remembers only WARM_UP_MESSAGES anyway.
 */
export const LIVE_REMEMBERED_IDS = 5_000;

/**
 * The live engine: one Threader per room, warmed from the room's stored log (with the stored
 * placements) the first time the room speaks after a start, so a restart changes nothing.
 */
export class RoomThreads {
  private readonly rooms = new Map<number, Promise<Threader>>();

  constructor(private readonly options: ThreaderOptions = {}) {}

  /** Places a new message of the room; `message.id` is its platform id. */
  async place(tx: Repositories, roomId: number, message: ThreadMessage): Promise<ThreadLink> {
    const threader = await this.threaderOf(tx, roomId);
    return threader.add(message);
  }

  /** Drops what is known of a room (after a rebuild, or a failed write). */
  forget(roomId?: number): void {
    if (roomId === undefined) this.rooms.clear();
    else this.rooms.delete(roomId);
  }

  private threaderOf(tx: Repositories, roomId: number): Promise<Threader> {
    let threader = this.rooms.get(roomId);
    if (threader === undefined) {
      threader = this.warmUp(tx, roomId);
      threader.catch(() => this.rooms.delete(roomId));
      if (this.rooms.size >= MAX_ROOMS) this.rooms.delete(this.rooms.keys().next().value!);
      this.rooms.set(roomId, threader);
    } else {
      // Most recently used last, so the oldest room is the one dropped.
      this.rooms.delete(roomId);
      this.rooms.set(roomId, threader);
    }
    return threader;
  }

  private async warmUp(tx: Repositories, roomId: number): Promise<Threader> {
    const threader = new Threader({ rememberedIds: LIVE_REMEMBERED_IDS, ...this.options });
    const history = await tx.messages.before(roomId, Number.MAX_SAFE_INTEGER, WARM_UP_MESSAGES);
    const senders = new SenderNames(tx.members);
    for (const message of history) {
      threader.add(toThreadMessage(message, await senders.of(message.senderId)), { known: knownPlacement(message) });
    }
    return threader;
  }
}

/** The engine's name for each stored sender (platform id and display name), looked up once per sender. */
export class SenderNames {
  private readonly known = new Map<number, { id: string; name: string }>();

  constructor(private readonly members: Pick<MemberRepository, 'findById'>) {}

  async of(senderId: number): Promise<{ id: string; name: string }> {
    let sender = this.known.get(senderId);
    if (sender === undefined) {
      const member = await this.members.findById(senderId);
      sender = { id: member?.externalId ?? String(senderId), name: member?.name ?? member?.externalId ?? '' };
      this.known.set(senderId, sender);
    }
    return sender;
  }
}

export function toThreadMessage(message: StoredMessage, sender: { id: string; name: string }): ThreadMessage {
  return {
    id: message.platformMsgId,
    senderId: sender.id,
    senderName: sender.name,
    text: message.text,
    ts: message.ts.getTime(),
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
  };
}

function knownPlacement(message: StoredMessage) {
  return message.conversationId === null ? undefined : { conversation: message.conversationId, replyTo: message.threadParent };
}
