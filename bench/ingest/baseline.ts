import Database from 'better-sqlite3';
import type { ChatMessageEvent } from '../../src/core/types.js';
import { openStore } from '../../src/store/open-store.js';
import { seconds } from '../measure.js';
import type { EventSet } from './events.js';
import type { Variant } from './variant.js';

/** Raw better-sqlite3 on the migrated schema: prepared statements, one transaction. */
export const baseline: Variant = {
  name: 'baseline (raw better-sqlite3)',
  async run(set, path) {
    await (await openStore(path)).close();
    const db = openLikeStore(path);
    try {
      return await seconds(() => insertAll(db, set.events));
    } finally {
      db.close();
    }
  },
};

/** The pragmas src/store/sqlite.ts sets. */
function openLikeStore(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

function insertAll(db: Database.Database, events: readonly ChatMessageEvent[]): void {
  const statements = prepare(db);
  const now = Date.now();
  const rooms = new Map<string, number | bigint>();
  const members = new Map<string, number | bigint>();
  db.transaction(() => {
    for (const { room, from } of events) {
      if (room && !rooms.has(room.id)) rooms.set(room.id, statements.insertRoom(room.id, room.topic ?? null, now));
      if (!members.has(from.id)) members.set(from.id, statements.member.run('bench', from.id, from.name ?? null, now, now).lastInsertRowid);
    }
    for (const event of events) statements.message.run(statements.messageRow(event, rooms.get(event.room!.id)!, members.get(event.from.id)!, now));
  })();
}

function prepare(db: Database.Database) {
  const room = db.prepare('insert into rooms (platform, external_id, kind, topic, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
  const topic = db.prepare('insert into room_topics (room_id, topic, changed_at) values (?, ?, ?)');
  const member = db.prepare('insert into members (platform, external_id, name, created_at, updated_at) values (?, ?, ?, ?, ?)');
  const insertRoom = (externalId: string, topicText: string | null, now: number) => {
    const id = room.run('bench', externalId, 'group', topicText, now, now).lastInsertRowid;
    if (topicText !== null) topic.run(id, topicText, now);
    return id;
  };
  return { insertRoom, member, ...messageInsert(db) };
}

type Id = number | bigint;
type ColumnValue = (event: ChatMessageEvent, roomId: Id, senderId: Id, now: number) => unknown;

/** What the real path's toRow writes; a column added by a later migration is written as null, as toRow does for an absent value. */
const MESSAGE_VALUES: Record<string, ColumnValue> = {
  room_id: (_, roomId) => roomId,
  sender_id: (_, __, senderId) => senderId,
  platform_msg_id: (event) => event.id,
  kind: (event) => event.kind,
  text: (event) => event.text,
  ts: (event) => event.ts.getTime(),
  reply_to: (event) => event.replyTo ?? null,
  is_self: (event) => (event.self ? 1 : 0),
  created_at: (_, __, ___, now) => now,
};

/** One prepared INSERT of every column of `messages` but the id, so the baseline follows the schema. */
function messageInsert(db: Database.Database) {
  const columns = (db.pragma('table_info(messages)') as { name: string }[]).map((column) => column.name).filter((name) => name !== 'id');
  const values = columns.map((name) => MESSAGE_VALUES[name] ?? (() => null));
  const message = db.prepare(`insert into messages (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  const messageRow = (event: ChatMessageEvent, roomId: Id, senderId: Id, now: number) => values.map((value) => value(event, roomId, senderId, now));
  return { message, messageRow };
}
