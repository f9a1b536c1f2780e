import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/**
 * The archive index learns each message's room, so a search keeps to the public rooms (or one room)
 * inside the index instead of reading and discarding the others' matches. SQLite: a second FTS5
 * column, `room` (one token, `r<id>`), copied from the old table without segmenting again.
 * PostgreSQL: an index on (room_id, message_id) beside the GIN index (room_id was already there).
 */
export function archiveSearchRooms(dialect: Dialect) {
  async function up(db: Kysely<unknown>): Promise<void> {
    if (dialect === 'sqlite') {
      await sql`create virtual table archive_fts_rooms using fts5(body, room, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
      await sql`insert into archive_fts_rooms (rowid, body, room)
        select f.rowid, f.body, 'r' || m.room_id from archive_fts f join messages m on m.id = f.rowid`.execute(db);
      await sql`drop table archive_fts`.execute(db);
      await sql`alter table archive_fts_rooms rename to archive_fts`.execute(db);
      await sql`insert into archive_fts (archive_fts) values ('optimize')`.execute(db);
    } else {
      await db.schema.createIndex('archive_search_room').on('archive_search').columns(['room_id', 'message_id']).execute();
    }
  }
  async function down(db: Kysely<unknown>): Promise<void> {
    if (dialect === 'sqlite') {
      await sql`create virtual table archive_fts_body using fts5(body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
      await sql`insert into archive_fts_body (rowid, body) select rowid, body from archive_fts`.execute(db);
      await sql`drop table archive_fts`.execute(db);
      await sql`alter table archive_fts_body rename to archive_fts`.execute(db);
    } else {
      await db.schema.dropIndex('archive_search_room').execute();
    }
  }
  return { up, down };
}
