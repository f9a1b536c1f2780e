import { sql } from 'kysely';
import type { ArchiveBackend } from './archive-search-index.js';
import { CANDIDATES } from './candidates.js';
import { PUBLISHABLE } from './publishable-filter.js';

/** Past this many public rooms the index is not asked to keep to them (one OR term each); the join still does. */
const MAX_ROOM_TERMS = 64;

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** An FTS5 query that needs every word: each quoted, so nothing in it is FTS syntax. */
export function ftsQuery(words: readonly string[]): string {
  return words.map(quote).join(' ');
}

/** The room column's token for a room. */
export const roomToken = (roomId: number) => `r${roomId}`;

/** Every word in the body, in one of `rooms` (when given): `body : ("w1" "w2") AND room : ("r1" OR "r2")`. */
export function ftsRoomQuery(words: readonly string[], rooms?: readonly number[]): string {
  const body = `body : (${ftsQuery(words)})`;
  return rooms ? `${body} AND room : (${rooms.map((id) => quote(roomToken(id))).join(' OR ')})` : body;
}

type Hit = { id: number; roomId: number; score: number };

/**
 * The rooms the index must keep to, or undefined when the join's filter alone is enough: every
 * room in the index may be searched (the usual case), or too many are public to name them all.
 * The index holds the rooms that have a sync state (only syncing writes to it).
 */
async function roomsToKeepTo(db: Parameters<ArchiveBackend['query']>[0], roomId: number | undefined): Promise<number[] | undefined> {
  if (roomId !== undefined) {
    const other = await db.selectFrom('archive_search_state').select('room_id').where('room_id', '!=', roomId).limit(1).executeTakeFirst();
    return other ? [roomId] : undefined;
  }
  const hidden = await db
    .selectFrom('archive_search_state as st')
    .innerJoin('rooms as r', 'r.id', 'st.room_id')
    .select('st.room_id')
    .where('r.archive_public', '=', 0)
    .limit(1)
    .executeTakeFirst();
  if (!hidden) return undefined;
  const open = await db
    .selectFrom('archive_search_state as st')
    .innerJoin('rooms as r', 'r.id', 'st.room_id')
    .select('st.room_id')
    .where('r.archive_public', '=', 1)
    .limit(MAX_ROOM_TERMS + 1)
    .execute();
  return open.length <= MAX_ROOM_TERMS ? open.map((r) => Number(r.room_id)) : undefined;
}

/**
 * FTS5 over jieba-segmented text (unicode61) and the message's room; rowid = message id.
 *
 * Ranking every match by bm25 costs about a microsecond a row: 200 ms for a word in a fifth of a
 * million messages. So the index walks the matches newest first (its doclists are in rowid order,
 * nothing to sort), the privacy filter is applied to each on the way (exact, at query time), and
 * the walk stops at CANDIDATES publishable messages; only those are ranked by bm25. A query with
 * fewer matches than that is ranked in full; a frequent word is ranked among its newest matches.
 *
 * When the index also holds rooms that must not be searched (a room switched off, or other rooms
 * than the one asked for), the walk keeps to the wanted rooms' tokens, so their matches are not
 * read one by one and thrown away. bm25 would then weigh the room token too (it counts a
 * phrase's rows across the whole table), so the candidates are ranked by a second, body-only
 * match over their range of rowids.
 */
export const sqliteArchiveBackend: ArchiveBackend = {
  async write(db, bodies) {
    if (bodies.length === 0) return;
    await db.deleteFrom('archive_fts').where('rowid', 'in', bodies.map((b) => b.id)).execute();
    for (let at = 0; at < bodies.length; at += 400) {
      await db.insertInto('archive_fts').values(bodies.slice(at, at + 400).map((b) => ({ rowid: b.id, body: b.body, room: roomToken(b.roomId) }))).execute();
    }
  },
  async query(db, words, query, limit) {
    const room = query.roomId === undefined ? sql`` : sql`and m.room_id = ${query.roomId}`;
    const candidates = Math.max(CANDIDATES, limit + query.offset);
    const body = ftsRoomQuery(words);
    const rooms = await roomsToKeepTo(db, query.roomId);
    if (rooms === undefined) {
      const result = await sql<Hit>`
        with candidates as materialized (
          select f.rowid as id, m.room_id as room_id, bm25(archive_fts) as r
          from archive_fts f
          join messages m on m.id = f.rowid
          join rooms r on r.id = m.room_id
          join members s on s.id = m.sender_id
          where archive_fts match ${body} and ${PUBLISHABLE} ${room}
          order by f.rowid desc
          limit ${candidates})
        select id, room_id as "roomId", -r as score from candidates
        order by r, id desc
        limit ${limit} offset ${query.offset}`.execute(db);
      return result.rows;
    }
    if (rooms.length === 0) return [];
    // `+f.rowid`: the candidates filter the second walk; they must not drive it (one FTS5 query per rowid).
    const result = await sql<Hit>`
      with candidates as materialized (
        select f.rowid as id, m.room_id as room_id
        from archive_fts f
        join messages m on m.id = f.rowid
        join rooms r on r.id = m.room_id
        join members s on s.id = m.sender_id
        where archive_fts match ${ftsRoomQuery(words, rooms)} and ${PUBLISHABLE} ${room}
        order by f.rowid desc
        limit ${candidates}),
      ranked as materialized (
        select f.rowid as id, bm25(archive_fts) as r
        from archive_fts f
        where archive_fts match ${body}
          and f.rowid >= (select min(id) from candidates) and f.rowid <= (select max(id) from candidates)
          and +f.rowid in (select id from candidates))
      select c.id as id, c.room_id as "roomId", -k.r as score
      from candidates c join ranked k on k.id = c.id
      order by k.r, c.id desc
      limit ${limit} offset ${query.offset}`.execute(db);
    return result.rows;
  },
};
