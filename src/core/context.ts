import type { Store } from '../store/store.js';
import type { AdminRoster } from './admins/admin-roster.js';
import type { Translate } from './i18n/translate.js';
import type { Logger } from './logger.js';
import type { Services } from './services.js';
import type { ChatMessageEvent, Locale, Member, OutgoingMessage, Room, RoomRole, StoredMessage } from './types.js';

/** Everything a feature needs to handle one new chat message. */
export interface ChatContext {
  readonly event: ChatMessageEvent;
  readonly room: Room;
  readonly sender: Member;
  readonly message: StoredMessage;
  readonly locale: Locale;
  /** The sender is a bot admin: listed in the config, or kept in the database (claimed or added). */
  readonly isAdmin: boolean;
  /** The sender owns or administers this group, as the platform reported it (stored per room and member), and `chat.ownerIsAdmin` lets that count. */
  readonly isRoomAdmin: boolean;
  /** Who the bot's admins are; commands that change them call `changed()`. */
  readonly admins: AdminRoster;
  /** 1 on the first run; higher when the outbox runs the command again (after a crash or an outage). */
  readonly attempt: number;
  readonly store: Store;
  readonly services: Services;
  readonly log: Logger;
  readonly t: Translate;
  /** Says `text` in this room, quoting the message being handled; durable: sent through the outbox. */
  reply(text: string): Promise<void>;
  /** The `n` room messages before this one, oldest first. */
  recent(n: number): Promise<StoredMessage[]>;
}

export interface ContextDeps {
  store: Store;
  services: Services;
  log: Logger;
  t: Translate;
  locale: Locale;
  isAdmin: boolean;
  admins: AdminRoster;
  /** A group's owner and admins, as the platform reports them, count as room admins (`chat.ownerIsAdmin`). */
  roomOwnersAreAdmins: boolean;
  attempt: number;
  /** Tells the outbox worker new jobs are waiting. */
  wake: () => void;
}

export interface Recorded {
  event: ChatMessageEvent;
  room: Room;
  sender: Member;
  message: StoredMessage;
  /** The sender's role in this room, when the platform ever reported it. */
  roomRole?: RoomRole;
}

export function createContext(recorded: Recorded, deps: ContextDeps): ChatContext {
  const { event, room, message, sender } = recorded;
  let replies = 0;
  const target: Omit<OutgoingMessage, 'text'> =
    room.kind === 'direct' ? { room: sender.externalId, direct: true, replyTo: event.id } : { room: room.externalId, replyTo: event.id };
  return {
    ...recorded,
    ...deps,
    isRoomAdmin: deps.roomOwnersAreAdmins && (recorded.roomRole === 'owner' || recorded.roomRole === 'admin'),
    // Not `msg`: pino writes its message under that key, and a line with it twice breaks jq.
    log: deps.log.child({ room: room.externalId, messageId: message.platformMsgId }),
    async reply(text) {
      // The n-th reply to a message has a fixed key: a re-run after a crash never says it twice.
      const key = `say:${message.id}:${replies++}`;
      await deps.store.outbox.enqueue({ kind: 'chat.say', payload: { ...target, text }, idempotencyKey: key, roomId: room.id });
      deps.wake();
    },
    recent: async (n) => {
      const rows = await deps.store.messages.recent(room.id, n + 1);
      return rows.filter((row) => row.id !== message.id).slice(-n);
    },
  };
}
