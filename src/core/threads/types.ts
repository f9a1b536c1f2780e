/** A message as the threading engine sees it: who said what, when, and what it quotes. */
export interface ThreadMessage {
  /** Unique within the room. */
  id: string;
  /** Stable sender id (platform member id). */
  senderId: string;
  /** The name people use to address the sender (`nick:`, `@张三`). */
  senderName: string;
  text: string;
  /** Milliseconds since the epoch. */
  ts: number;
  /** Id of the message the platform says this one quotes or replies to: certain. */
  replyTo?: string;
}

/** Where the engine put a message. */
export interface ThreadLink {
  id: string;
  /** Id of the conversation: the id of the message that started it. */
  conversation: string;
  /** The earlier message this one answers or continues; null when it starts a conversation. */
  replyTo: string | null;
  /** Probability the engine gives its choice, in [0, 1]. */
  confidence: number;
  /** The signals that weighed most for the choice, strongest first (for explanations). */
  reasons: string[];
}
