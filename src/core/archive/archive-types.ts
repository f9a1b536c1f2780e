import type { MessageKind } from '../types.js';

/** A message that may be published: people's, not a command, not recalled, sender not opted out. */
export interface ArchiveMessage {
  id: number;
  roomId: number;
  platformMsgId: string;
  /** The conversation it belongs to: its conversation id, or its own id when it was never placed. */
  conversationKey: string;
  threadParent: string | null;
  replyTo: string | null;
  senderId: number;
  senderPlatform: string;
  senderExternalId: string;
  senderName: string | null;
  kind: MessageKind;
  text: string;
  ts: Date;
  editedAt: Date | null;
}

/** One conversation of a room, as listed on index pages. */
export interface ConversationSummary {
  key: string;
  /** The id of its first stored message, hidden or not: the conversation's stable number in URLs. */
  rootId: number;
  /** Its first message that may be published (gives the title). */
  firstVisibleId: number;
  firstTs: Date;
  lastTs: Date;
  /** Messages that may be published. */
  count: number;
}

/** Someone who wrote in a room, for display names and for keeping opted-out names out. */
export interface ArchiveMember {
  id: number;
  platform: string;
  externalId: string;
  name: string | null;
  optedOut: boolean;
}

/** An issue opened from chat, placed in the conversation of its last message. */
export interface ArchiveIssue {
  conversationKey: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  state: string;
}
