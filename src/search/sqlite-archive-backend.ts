import { sql } from 'kysely';
import type { ArchiveBackend } from './archive-search-index.js';
import { PUBLISHABLE } from './publishable-filter.js';

/** An FTS5 query that needs every word: each quoted, so nothing in it is FTS syntax. */
export function ftsQuery(words: readonly string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ');
}

type Hit = { id: number; roomId: number; score: number };

/** FTS5 over jieba-segmented text in a unicode61 column; rowid = message id; ranked by bm25. */
export const sqliteArchiveBackend: ArchiveBackend = {
  async write(db, bodies) {
    if (bodies.length === 0) return;
    await db.deleteFrom('archive_fts').where('rowid', 'in', bodies.map((b) => b.id)).execute();
    for (let at = 0; at < bodies.length; at += 400) {
      await db.insertInto('archive_fts').values(bodies.slice(at, at + 400).map((b) => ({ rowid: b.id, body: b.body }))).execute();
    }
  },
  async query(db, words, query, limit) {
    const room = query.roomId === undefined ? sql`` : sql`and m.room_id = ${query.roomId}`;
    const match = ftsQuery(words);
    // Fast path: FTS5 ranks inside its own table (ORDER BY rank LIMIT) and only the best few are joined and filtered.
    const top = Math.max((limit + query.offset) * 4, 200);
    const fast = await sql<Hit & { considered: number }>`
      with top as materialized (select rowid as id, rank as r from archive_fts where archive_fts match ${match} order by rank limit ${top})
      select m.id as id, m.room_id as "roomId", -top.r as score, (select count(*) from top) as considered
      from top
      join messages m on m.id = top.id
      join rooms r on r.id = m.room_id
      join members s on s.id = m.sender_id
      where ${PUBLISHABLE} ${room}
      order by top.r, m.id desc
      limit ${limit} offset ${query.offset}`.execute(db);
    // A full page, or every match was among the best few: the answer is complete.
    if (fast.rows.length === limit || (fast.rows.length > 0 && fast.rows[0]!.considered < top)) return fast.rows.map(({ id, roomId, score }) => ({ id, roomId, score }));
    // Fewer than a page: hidden messages filled the best few, or there are not that many; rank them all.
    const result = await sql<Hit>`
      select m.id as id, m.room_id as "roomId", -bm25(archive_fts) as score
      from archive_fts f
      join messages m on m.id = f.rowid
      join rooms r on r.id = m.room_id
      join members s on s.id = m.sender_id
      where archive_fts match ${match} and ${PUBLISHABLE} ${room}
      order by bm25(archive_fts), m.id desc
      limit ${limit} offset ${query.offset}`.execute(db);
    return result.rows;
  },
};
