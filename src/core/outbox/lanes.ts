import type { KindFilter } from '../../store/store.js';

/** Jobs that speak in chat: only the process holding the chat session can run them. */
export const chatJobKinds: readonly string[] = ['chat.say', 'notify', 'digest'];

/** What the chat process runs. */
export const chatLane: KindFilter = { only: chatJobKinds };

/** What worker processes run: everything that does not speak in chat (GitHub calls…). */
export const workerLane: KindFilter = { except: chatJobKinds };
