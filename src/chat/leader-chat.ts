import type { Config } from '../config/schema.js';
import type { Logger } from '../core/logger.js';
import type { Dialect } from '../store/store.js';
import type { ChatAdapter, ChatAdapterState } from './chat-adapter.js';
import { waitForLeadership, type Leadership } from './leader-lock.js';

/** A process's chat part: the adapter starts once this process leads the bot account. */
export interface LeaderChat extends ChatAdapter {
  /** True once this process holds the chat role (at once on SQLite, a single process). */
  readonly leading: boolean;
}

export interface LeaderChatOptions {
  dialect: Dialect;
  /** The database URL: the lock lives in the shared PostgreSQL database. */
  url: string;
  account: string;
  log: Logger;
  /** Called when this process becomes the leader (its worker now runs the chat jobs). */
  onLeading: () => void;
  /**
   * Called when another process took the chat role while this leader's lock connection was cut: it must
   * stop speaking. Its events in flight are written first (the database answered again), then it hands over.
   */
  onLost: (reason: string) => void;
  pollMs?: number;
}

/** The bot account a chat process speaks for: one leader per account. */
export function chatAccount(config: Config, chat: 'wechaty' | 'stdio' | undefined): string {
  return (chat ?? config.chat.adapter) === 'stdio' ? `stdio:${config.chat.platform}` : `wechaty:${config.chat.wechaty.name}`;
}

/**
 * Wraps the chat adapter so that, on PostgreSQL, only the process holding the account's advisory
 * lock connects; another waits as a hot standby. Without an adapter (web, worker roles) it is inert.
 */
export function leaderChat(inner: ChatAdapter | undefined, options: LeaderChatOptions): LeaderChat {
  const abort = new AbortController();
  let leadership: Leadership | undefined;
  let leading = false;
  let standby = false;
  return {
    platform: inner?.platform ?? 'none',
    get state(): ChatAdapterState {
      return inner ? (standby && !leading ? 'idle' : inner.state) : 'idle';
    },
    get selfName() {
      return inner?.selfName;
    },
    get leading() {
      return leading;
    },
    async start(handler) {
      if (!inner) return;
      if (options.dialect === 'postgres') {
        standby = true;
        try {
          leadership = await waitForLeadership({ ...options, signal: abort.signal });
        } catch (error) {
          if (abort.signal.aborted) return; // stopped while waiting as a standby
          throw error;
        }
      }
      leading = true;
      options.onLeading();
      await inner.start(handler);
    },
    async stop() {
      abort.abort(new Error('stopping'));
      await inner?.stop();
      await leadership?.release();
    },
    say: (message) => (inner ? inner.say(message) : Promise.reject(new Error('this process has no chat session (role without chat)'))),
    finished: () => (inner ? inner.finished() : new Promise<void>(() => undefined)),
  };
}
