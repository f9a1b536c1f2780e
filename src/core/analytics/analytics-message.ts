/** One chat message as the analysis reads it; built from the store by `analyzeRoom`. */
export interface AnalyticsMessage {
  /** Platform message id (what quotes point at). */
  id: string;
  senderId: string;
  senderName: string;
  text: string;
  /** Epoch milliseconds. */
  ts: number;
  kind: string;
  /** Platform id of the quoted message. */
  replyTo?: string | null;
  /** Conversation (thread) the message belongs to, when a threading engine has assigned one. */
  conversationId?: string;
  recalled?: boolean;
  /** Sent by the bot itself. */
  self?: boolean;
}

/** Whether a message counts at all: recalled messages and the bot's own never do. */
export function counts(message: AnalyticsMessage): boolean {
  return !message.recalled && !message.self;
}
