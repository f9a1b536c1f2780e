import type { Selectable } from 'kysely';
import type { IssueLink, Locale, Member, MessageKind, Room, RoomKind, StoredMessage } from '../../core/types.js';
import type { IssueLinksTable, MembersTable, MessagesTable, RoomsTable } from '../schema.js';

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));

export function toRoom(row: Selectable<RoomsTable>): Room {
  return {
    id: Number(row.id),
    platform: row.platform,
    externalId: row.external_id,
    kind: row.kind as RoomKind,
    topic: row.topic,
    locale: row.locale as Locale | null,
    repo: row.repo,
    archivePublic: Boolean(row.archive_public),
  };
}

export function toMember(row: Selectable<MembersTable>): Member {
  return {
    id: Number(row.id),
    platform: row.platform,
    externalId: row.external_id,
    name: row.name,
    role: row.role,
    archiveOptOut: Boolean(row.archive_optout),
  };
}

export function toMessage(row: Selectable<MessagesTable>): StoredMessage {
  return {
    id: Number(row.id),
    roomId: Number(row.room_id),
    senderId: Number(row.sender_id),
    platformMsgId: row.platform_msg_id,
    kind: row.kind as MessageKind,
    text: row.text,
    ts: new Date(Number(row.ts)),
    replyTo: row.reply_to,
    isSelf: Boolean(row.is_self),
    recalledAt: date(row.recalled_at),
    editedAt: date(row.edited_at),
    command: row.command,
    conversationId: row.conversation_id,
    threadParent: row.thread_parent,
  };
}

export function toIssueLink(row: Selectable<IssueLinksTable>): IssueLink {
  return {
    id: Number(row.id),
    roomId: Number(row.room_id),
    repo: row.repo,
    issueNumber: Number(row.issue_number),
    issueUrl: row.issue_url,
    title: row.title,
    commandMessageId: Number(row.command_message_id),
    firstMessageId: row.first_message_id === null ? null : Number(row.first_message_id),
    lastMessageId: row.last_message_id === null ? null : Number(row.last_message_id),
    messageCount: Number(row.message_count),
    state: row.state,
    createdAt: new Date(Number(row.created_at)),
  };
}
