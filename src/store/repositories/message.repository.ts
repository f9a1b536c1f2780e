import type { Kysely } from 'kysely';
import type { StoredMessage } from '../../core/types.js';
import type { Database } from '../schema.js';
import type { HistoryMessage, MessageInput } from '../store.js';
import { storableText } from '../storable-text.js';
import { toMessage } from './mappers.js';

type Db = Kysely<Database>;

// 14 bound values a row: 500 rows stay far below SQLite's and PostgreSQL's parameter limits.
const ROWS_PER_STATEMENT = 500;
const key = (roomId: number, platformMsgId: string) => `${roomId}\u0000${platformMsgId}`;

export async function insertMessages(db: Db, inputs: MessageInput[], now = Date.now()): Promise<(StoredMessage | undefined)[]> {
  const inserted = new Map<string, StoredMessage>();
  for (let start = 0; start < inputs.length; start += ROWS_PER_STATEMENT) {
    const rows = await db
      .insertInto('messages')
      .values(inputs.slice(start, start + ROWS_PER_STATEMENT).map((input) => toRow(input, now)))
      .onConflict((conflict) => conflict.columns(['room_id', 'platform_msg_id']).doNothing())
      .returningAll()
      .execute();
    for (const row of rows) inserted.set(key(Number(row.room_id), row.platform_msg_id), toMessage(row));
  }
  // A message given twice in one batch is new only the first time.
  return inputs.map((input) => {
    // Rows come back as stored: match them by the id as stored (see storableText).
    const id = key(input.roomId, storableText(input.platformMsgId));
    const message = inserted.get(id);
    inserted.delete(id);
    return message;
  });
}

function toRow(input: MessageInput, now: number) {
  return {
    room_id: input.roomId,
    sender_id: input.senderId,
    platform_msg_id: input.platformMsgId,
    kind: input.kind,
    text: input.text,
    ts: input.ts.getTime(),
    reply_to: input.replyTo ?? null,
    is_self: input.isSelf ? 1 : 0,
    recalled_at: null,
    edited_at: null,
    created_at: now,
    command: input.command ?? null,
    conversation_id: input.conversationId ?? null,
    thread_parent: input.threadParent ?? null,
  };
}

export async function findMessage(db: Db, roomId: number, platformMsgId: string): Promise<StoredMessage | undefined> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('platform_msg_id', '=', platformMsgId)
    .executeTakeFirst();
  return row && toMessage(row);
}

export async function findQuotedMessage(db: Db, roomId: number, senderName: string, text: string): Promise<StoredMessage | undefined> {
  const row = await db
    .selectFrom('messages')
    .innerJoin('members', 'members.id', 'messages.sender_id')
    .selectAll('messages')
    .where('messages.room_id', '=', roomId)
    .where('members.name', '=', senderName)
    .where('messages.text', '=', text)
    .orderBy('messages.ts', 'desc')
    .orderBy('messages.id', 'desc')
    .executeTakeFirst();
  return row && toMessage(row);
}

export async function recallMessage(db: Db, roomId: number, platformMsgId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({ recalled_at: at.getTime() })
    .where('room_id', '=', roomId)
    .where('platform_msg_id', '=', platformMsgId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function editMessage(db: Db, roomId: number, platformMsgId: string, text: string, at: Date): Promise<boolean> {
  const message = await findMessage(db, roomId, platformMsgId);
  if (!message) return false;
  if (message.text === text) return true;
  await db.insertInto('message_revisions').values({ message_id: message.id, text: message.text, replaced_at: at.getTime() }).execute();
  await db.updateTable('messages').set({ text, edited_at: at.getTime() }).where('id', '=', message.id).execute();
  return true;
}

export async function messageRevisions(db: Db, messageId: number): Promise<{ text: string; replacedAt: Date }[]> {
  const rows = await db
    .selectFrom('message_revisions')
    .select(['text', 'replaced_at'])
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ text: row.text, replacedAt: new Date(Number(row.replaced_at)) }));
}

export async function recentMessages(db: Db, roomId: number, limit: number): Promise<StoredMessage[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .orderBy('ts', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMessage).reverse();
}

/** Keyset pagination on (ts, id): a room of any size is read a page at a time. */
export async function* streamRoomMessages(db: Db, roomId: number, pageSize = 1000): AsyncIterable<StoredMessage> {
  let after: { ts: number; id: number } | undefined;
  for (;;) {
    let query = db.selectFrom('messages').selectAll().where('room_id', '=', roomId);
    if (after) {
      const { ts, id } = after;
      // A row-value comparison: SQLite and PostgreSQL read it as an index range on (room_id, ts, id);
      // the equivalent OR made every page rescan the room from its start.
      query = query.where((eb) => eb(eb.refTuple('ts', 'id'), '>', eb.tuple(ts, id)));
    }
    const rows = await query.orderBy('ts').orderBy('id').limit(pageSize).execute();
    for (const row of rows) yield toMessage(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = { ts: Number(last.ts), id: Number(last.id) };
  }
}

/** The room's messages in time order, a page at a time, reading only the columns the analytics uses. */
export async function* roomHistoryPages(db: Db, roomId: number, pageSize = 20_000): AsyncIterable<HistoryMessage[]> {
  let after: { ts: number; id: number } | undefined;
  for (;;) {
    let query = db
      .selectFrom('messages')
      .select(['id', 'platform_msg_id', 'sender_id', 'kind', 'text', 'ts', 'reply_to', 'is_self', 'recalled_at', 'conversation_id', 'command'])
      .where('room_id', '=', roomId);
    if (after) {
      const { ts, id } = after;
      query = query.where((eb) => eb(eb.refTuple('ts', 'id'), '>', eb.tuple(ts, id)));
    }
    const rows = await query.orderBy('ts').orderBy('id').limit(pageSize).execute();
    const page: HistoryMessage[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      page[i] = {
        platformMsgId: row.platform_msg_id, senderId: Number(row.sender_id), kind: row.kind, text: row.text, ts: Number(row.ts),
        replyTo: row.reply_to, isSelf: Boolean(row.is_self), recalled: row.recalled_at !== null, conversationId: row.conversation_id, command: row.command,
      };
    }
    if (page.length > 0) yield page;
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = { ts: Number(last.ts), id: Number(last.id) };
  }
}

export async function countMessages(db: Db, roomId?: number): Promise<number> {
  let query = db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n'));
  if (roomId !== undefined) query = query.where('room_id', '=', roomId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findMessageById(db: Db, id: number): Promise<StoredMessage | undefined> {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMessage(row);
}

/** Up to `limit` messages people wrote before `beforeId` (not the bot's, not commands, not recalled), oldest first. */
export async function messagesBefore(db: Db, roomId: number, beforeId: number, limit: number, afterId = 0): Promise<StoredMessage[]> {
  const rows = await peopleMessagesBefore(db, roomId, beforeId).where('id', '>', afterId).limit(limit).execute();
  return rows.map(toMessage).reverse();
}

/** Messages people wrote before `beforeId` (not the bot's, not commands, not recalled), newest first. */
export function peopleMessagesBefore(db: Db, roomId: number, beforeId: number) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('id', '<', beforeId)
    .where('is_self', '=', 0)
    .where('command', 'is', null)
    .where('recalled_at', 'is', null)
    .orderBy('id', 'desc');
}

export async function lastCommandBefore(db: Db, roomId: number, beforeId: number, name?: string): Promise<StoredMessage | undefined> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('id', '<', beforeId)
    .where('command', name === undefined ? 'is not' : '=', name ?? null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && toMessage(row);
}
