import type { Store } from '../store/store.js';
import type { Translate } from './i18n/translate.js';
import type { Logger } from './logger.js';
import type { ChatMessageEvent, Locale, Member, OutgoingMessage, Room, StoredMessage } from './types.js';

/** Everything a feature needs to handle one new chat message. */
export interface ChatContext {
  readonly event: ChatMessageEvent;
  readonly room: Room;
  readonly sender: Member;
  readonly message: StoredMessage;
  readonly locale: Locale;
  readonly isAdmin: boolean;
  readonly store: Store;
  readonly log: Logger;
  readonly t: Translate;
  /** Says `text` in this room, quoting the message being handled. */
  reply(text: string): Promise<void>;
  /** The `n` room messages before this one, oldest first. */
  recent(n: number): Promise<StoredMessage[]>;
}

export interface ContextDeps {
  store: Store;
  log: Logger;
  t: Translate;
  locale: Locale;
  isAdmin: boolean;
  send: (message: OutgoingMessage) => Promise<void>;
}

export function createContext(recorded: { event: ChatMessageEvent; room: Room; sender: Member; message: StoredMessage }, deps: ContextDeps): ChatContext {
  const { event, room, message } = recorded;
  const roomTarget = room.kind === 'direct' ? recorded.sender.externalId : room.externalId;
  return {
    ...recorded,
    ...deps,
    log: deps.log.child({ room: room.externalId, msg: message.platformMsgId }),
    reply: (text) => deps.send({ room: roomTarget, text, replyTo: event.id, direct: room.kind === 'direct' }),
    recent: async (n) => {
      const rows = await deps.store.messages.recent(room.id, n + 1);
      return rows.filter((row) => row.id !== message.id).slice(-n);
    },
  };
}
