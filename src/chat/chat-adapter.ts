import type { ChatEvent, OutgoingMessage } from '../core/types.js';

export type ChatAdapterState = 'idle' | 'starting' | 'waiting-login' | 'ready' | 'stopped' | 'failed';

/** Receives every event of a platform; resolves once the event is handled (stored, routed). */
export type ChatEventHandler = (event: ChatEvent) => Promise<void>;

/** One chat platform. The core never sees the protocol behind it. */
export interface ChatAdapter {
  /** Platform name stored with rooms and members, e.g. `wechat`, `stdio`. */
  readonly platform: string;
  /** Current connection state, reported by /healthz. */
  readonly state: ChatAdapterState;
  /** The bot's own display name once logged in, where the platform has one (`@name issue 5`). */
  readonly selfName?: string;
  /** Connects and starts delivering events to `handler`. */
  start(handler: ChatEventHandler): Promise<void>;
  /** Stops reading new events, waits for the ones in flight, disconnects. */
  stop(): Promise<void>;
  /** Sends a message to a room (by platform room id), optionally quoting a message. */
  say(message: OutgoingMessage): Promise<void>;
  /** Resolves when the adapter has no more input (stdio end of input); never for live platforms. */
  finished(): Promise<void>;
}
