import { sql, type Kysely } from 'kysely';
import type { ArchiveIssue, ArchiveMember, ArchiveMessage, ConversationSummary } from '../../core/archive/archive-types.js';
import type { MessageKind, Room } from '../../core/types.js';
import type { Database } from '../schema.js';
import { toRoom } from './mappers.js';
import { PUBLISHABLE_MESSAGE } from '../../search/publishable-filter.js';

type Db = Kysely<Database>;

const KEY = sql<string>`coalesce(m.conversation_id, m.platform_msg_id)`;

export async function setRoomPublic(db: Db, roomId: number, on: boolean): Promise<void> {
  // The room's own word (or the operator's config) is also its opt-in, which the dashboard's switch needs.
  await db.updateTable('rooms').set({ archive_public: on ? 1 : 0, archive_opt_in: on ? 1 : 0, updated_at: Date.now() }).where('id', '=', roomId).execute();
}

export async function setMemberOptOut(db: Db, memberId: number, out: boolean): Promise<void> {
  await db.updateTable('members').set({ archive_optout: out ? 1 : 0, updated_at: Date.now() }).where('id', '=', memberId).execute();
}

export async function publicRooms(db: Db): Promise<Room[]> {
  const rows = await db.selectFrom('rooms').selectAll().where('archive_public', '=', 1).where('kind', '=', 'group').orderBy('id').execute();
  return rows.map(toRoom);
}

/** The room's conversations holding at least one publishable message, oldest first. */
export async function roomConversations(db: Db, roomId: number): Promise<ConversationSummary[]> {
  const visible = PUBLISHABLE_MESSAGE;
  const rows = await db
    .selectFrom('messages as m')
    .innerJoin('members as s', 's.id', 'm.sender_id')
    .select([
      KEY.as('key'),
      sql<number>`min(m.id)`.as('root_id'),
      sql<number | null>`min(case when ${visible} then m.id end)`.as('first_visible_id'),
      sql<number | null>`min(case when ${visible} then m.ts end)`.as('first_ts'),
      sql<number | null>`max(case when ${visible} then m.ts end)`.as('last_ts'),
      sql<number>`sum(case when ${visible} then 1 else 0 end)`.as('count'),
    ])
    .where('m.room_id', '=', roomId)
    .groupBy(KEY)
    .execute();
  return rows
    .filter((row) => Number(row.count) > 0)
    .map((row) => ({
      key: row.key,
      rootId: Number(row.root_id),
      firstVisibleId: Number(row.first_visible_id),
      firstTs: new Date(Number(row.first_ts)),
      lastTs: new Date(Number(row.last_ts)),
      count: Number(row.count),
    }))
    .sort((a, b) => a.firstTs.getTime() - b.firstTs.getTime() || a.rootId - b.rootId);
}

function archiveMessages(db: Db) {
  return db
    .selectFrom('messages as m')
    .innerJoin('members as s', 's.id', 'm.sender_id')
    .select([
      'm.id', 'm.room_id', 'm.platform_msg_id', 'm.conversation_id', 'm.thread_parent', 'm.reply_to', 'm.sender_id', 'm.kind', 'm.text', 'm.ts', 'm.edited_at',
      's.platform as sender_platform', 's.external_id as sender_external_id', 's.name as sender_name',
    ])
    .where(PUBLISHABLE_MESSAGE);
}

type Row = Awaited<ReturnType<ReturnType<typeof archiveMessages>['execute']>>[number];

function toArchiveMessage(row: Row): ArchiveMessage {
  return {
    id: Number(row.id),
    roomId: Number(row.room_id),
    platformMsgId: row.platform_msg_id,
    conversationKey: row.conversation_id ?? row.platform_msg_id,
    threadParent: row.thread_parent,
    replyTo: row.reply_to,
    senderId: Number(row.sender_id),
    senderPlatform: row.sender_platform,
    senderExternalId: row.sender_external_id,
    senderName: row.sender_name,
    kind: row.kind as MessageKind,
    text: row.text,
    ts: new Date(Number(row.ts)),
    editedAt: row.edited_at === null ? null : new Date(Number(row.edited_at)),
  };
}

/** The publishable messages of one conversation, oldest first; `range` reads one page of them. */
export async function conversationMessages(db: Db, roomId: number, key: string, range?: { offset: number; limit: number }): Promise<ArchiveMessage[]> {
  let query = archiveMessages(db)
    .where('m.room_id', '=', roomId)
    .where((eb) => eb.or([eb('m.conversation_id', '=', key), eb.and([eb('m.conversation_id', 'is', null), eb('m.platform_msg_id', '=', key)])]))
    .orderBy('m.id');
  if (range) query = query.limit(range.limit).offset(range.offset);
  return (await query.execute()).map(toArchiveMessage);
}

/** Every publishable message of a room in time order (ts, then id), in pages: what the public report analyses. */
export async function* archiveHistoryPages(db: Db, roomId: number, pageSize = 5000): AsyncIterable<ArchiveMessage[]> {
  let after: { ts: number; id: number } | undefined;
  for (;;) {
    let query = archiveMessages(db).where('m.room_id', '=', roomId);
    if (after) {
      const { ts, id } = after;
      query = query.where((eb) => eb(eb.refTuple('m.ts', 'm.id'), '>', eb.tuple(ts, id)));
    }
    const page = (await query.orderBy('m.ts').orderBy('m.id').limit(pageSize).execute()).map(toArchiveMessage);
    if (page.length > 0) yield page;
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    after = { ts: last.ts.getTime(), id: last.id };
  }
}

/** Publishable messages by id (any order), e.g. the first message of each listed conversation. */
export async function archiveMessagesById(db: Db, ids: number[]): Promise<ArchiveMessage[]> {
  const out: ArchiveMessage[] = [];
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await archiveMessages(db).where('m.id', 'in', ids.slice(at, at + 500)).execute();
    out.push(...rows.map(toArchiveMessage));
  }
  return out;
}

/**
 * Every publishable message of a room, conversation by conversation, in pages: placed messages by
 * (conversation, id) along the room's conversation index, then any never placed, each its own.
 */
export async function* streamArchiveRoom(db: Db, roomId: number, pageSize = 5000): AsyncIterable<ArchiveMessage[]> {
  let after: { key: string; id: number } | undefined;
  for (;;) {
    let query = archiveMessages(db).where('m.room_id', '=', roomId).where('m.conversation_id', 'is not', null);
    if (after) {
      const { key, id } = after;
      query = query.where((eb) => eb.or([eb('m.conversation_id', '>', key), eb.and([eb('m.conversation_id', '=', key), eb('m.id', '>', id)])]));
    }
    const rows = await query.orderBy('m.conversation_id').orderBy('m.id').limit(pageSize).execute();
    if (rows.length === 0) break;
    const page = rows.map(toArchiveMessage);
    const last = page[page.length - 1]!;
    after = { key: last.conversationKey, id: last.id };
    yield page;
    if (rows.length < pageSize) break;
  }
  let afterId = 0;
  for (;;) {
    const rows = await archiveMessages(db).where('m.room_id', '=', roomId).where('m.conversation_id', 'is', null).where('m.id', '>', afterId).orderBy('m.id').limit(pageSize).execute();
    if (rows.length === 0) return;
    afterId = Number(rows[rows.length - 1]!.id);
    yield rows.map(toArchiveMessage);
  }
}

/** Everyone who wrote in the room. */
export async function archiveMembers(db: Db, roomId: number): Promise<ArchiveMember[]> {
  const rows = await db
    .selectFrom('members as s')
    .select(['s.id', 's.platform', 's.external_id', 's.name', 's.archive_optout'])
    .where('s.id', 'in', db.selectFrom('messages').select('sender_id').where('room_id', '=', roomId).distinct())
    .execute();
  return rows.map((row) => ({ id: Number(row.id), platform: row.platform, externalId: row.external_id, name: row.name, optedOut: Boolean(row.archive_optout) }));
}

/** Issues opened from the room, each in the conversation of its last message. */
export async function archiveIssues(db: Db, roomId: number): Promise<ArchiveIssue[]> {
  const rows = await db
    .selectFrom('issue_links as i')
    .innerJoin('messages as m', 'm.id', 'i.last_message_id')
    .select(['i.repo', 'i.issue_number', 'i.issue_url', 'i.title', 'i.state', KEY.as('key')])
    .where('i.room_id', '=', roomId)
    .orderBy('i.id')
    .execute();
  return rows.map((row) => ({ conversationKey: row.key, repo: row.repo, number: Number(row.issue_number), url: row.issue_url, title: row.title, state: row.state }));
}

export async function conversationNumber(db: Db, roomId: number, key: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('room_id', '=', roomId)
    .where((eb) => eb.or([eb('conversation_id', '=', key), eb.and([eb('conversation_id', 'is', null), eb('platform_msg_id', '=', key)])]))
    .executeTakeFirst();
  return row?.id === null || row?.id === undefined ? undefined : Number(row.id);
}

export async function unplacedCount(db: Db, roomId: number): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('room_id', '=', roomId)
    .where('conversation_id', 'is', null)
    .where('is_self', '=', 0)
    .where('command', 'is', null)
    .where('recalled_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
