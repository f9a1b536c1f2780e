/** What a chat message is, beyond its text. Non-text kinds carry a readable placeholder as text. */
export const MESSAGE_KINDS = [
  'text', 'image', 'file', 'url', 'audio', 'video', 'emoticon', 'mini-program',
  'contact', 'location', 'chat-history', 'transfer', 'red-envelope', 'post', 'system', 'unknown',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type Locale = 'zh-CN' | 'en';

/** A room as a platform names it. A `null` room on an event means a direct (one-to-one) chat. */
export interface RoomRef {
  id: string;
  topic?: string;
}

/** A member's standing in one group, as the platform reports it (a member may own one group and be nobody in another). */
export const ROOM_ROLES = ['owner', 'admin', 'member'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

export interface MemberRef {
  id: string;
  name?: string;
  /** The sender's role in this message's room, when the platform reports it: stored per (room, member). */
  role?: RoomRole;
}

/** A quoted message the platform identifies only by who said it and what it said (WeChat). */
export interface QuoteHint {
  senderName: string;
  text: string;
}

export interface ChatMessageEvent {
  type: 'message';
  /** Platform message id: a re-delivered message carries the same id and is stored once. */
  id: string;
  room: RoomRef | null;
  from: MemberRef;
  text: string;
  kind: MessageKind;
  ts: Date;
  /** Platform id of the quoted message, when the platform gives it. */
  replyTo?: string;
  /** The quoted message's sender and text, when the platform gives no id. */
  quote?: QuoteHint;
  /** True for messages the bot itself sent: stored, never routed. */
  self?: boolean;
  /** True when the message @-mentions the bot. */
  mentionsBot?: boolean;
  /** For a direct message the bot sent: the member it went to (the chat is theirs). */
  to?: MemberRef;
}

export interface ChatRecallEvent {
  type: 'recall';
  id: string;
  room: RoomRef | null;
  /** The member whose message was recalled, where known: needed to find a direct chat's log. */
  from?: MemberRef;
  ts: Date;
}

export interface ChatEditEvent {
  type: 'edit';
  id: string;
  room: RoomRef | null;
  from?: MemberRef;
  text: string;
  ts: Date;
}

export type ChatEvent = ChatMessageEvent | ChatRecallEvent | ChatEditEvent;

/** A message the bot sends. `replyTo` is the platform id of the message it answers. */
export interface OutgoingMessage {
  /** Platform room id; for a direct chat, the platform id of the member. */
  room: string;
  text: string;
  replyTo?: string;
  /** True when `room` names a member in a direct (one-to-one) chat. */
  direct?: boolean;
}

export type RoomKind = 'group' | 'direct';

export interface Room {
  id: number;
  platform: string;
  externalId: string;
  kind: RoomKind;
  topic: string | null;
  locale: Locale | null;
  repo: string | null;
  archivePublic: boolean;
}

export interface Member {
  id: number;
  platform: string;
  externalId: string;
  name: string | null;
  role: string | null;
  archiveOptOut: boolean;
}

export interface StoredMessage {
  id: number;
  roomId: number;
  senderId: number;
  platformMsgId: string;
  kind: MessageKind;
  text: string;
  ts: Date;
  replyTo: string | null;
  isSelf: boolean;
  recalledAt: Date | null;
  editedAt: Date | null;
  /** Name of the command this message is, if any. */
  command: string | null;
  /** Platform id of the message that started this one's conversation (null: not placed). */
  conversationId: string | null;
  /** Platform id of the earlier message this one answers or continues; null when it starts a conversation. */
  threadParent: string | null;
}

/** An issue opened from chat. */
export interface IssueLink {
  id: number;
  roomId: number;
  repo: string;
  issueNumber: number;
  issueUrl: string;
  title: string;
  commandMessageId: number;
  firstMessageId: number | null;
  lastMessageId: number | null;
  messageCount: number;
  state: string;
  createdAt: Date;
}
