import { sql } from 'kysely';
import type { ArchiveBackend } from './archive-search-index.js';
import { CANDIDATES } from './candidates.js';
import { PUBLISHABLE } from './publishable-filter.js';

/** A tsvector ('simple': the words are already segmented) with a GIN index; ranked by ts_rank. */
export const postgresArchiveBackend: ArchiveBackend = {
  async write(db, bodies) {
    for (let at = 0; at < bodies.length; at += 500) {
      const rows = bodies.slice(at, at + 500).map((b) => ({ message_id: b.id, room_id: b.roomId, body: sql<string>`to_tsvector('simple', ${b.body})` }));
      await db
        .insertInto('archive_search')
        .values(rows as never)
        .onConflict((oc) => oc.column('message_id').doUpdateSet({ body: (eb) => eb.ref('excluded.body') }))
        .execute();
    }
  },
  async query(db, words, query, limit) {
    const room = query.roomId === undefined ? sql`` : sql`and a.room_id = ${query.roomId} and m.room_id = ${query.roomId}`;
    const tsquery = sql`to_tsquery('simple', ${words.map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ')})`;
    // As on SQLite: the newest publishable matches, at most CANDIDATES, and only they are ranked (ts_rank reads each tsvector).
    // The tsquery is written out where it filters, not read from a CTE: the planner must see the words to estimate how many match.
    const result = await sql<{ id: number; roomId: number; score: number }>`
      with candidates as materialized (
        select a.message_id as id, a.room_id as room_id, a.body as body
        from archive_search a
        join messages m on m.id = a.message_id
        join rooms r on r.id = m.room_id
        join members s on s.id = m.sender_id
        where a.body @@ ${tsquery} and ${PUBLISHABLE} ${room}
        order by a.message_id desc
        limit ${Math.max(CANDIDATES, limit + query.offset)})
      select c.id as id, c.room_id as "roomId", ts_rank(c.body, ${tsquery}) as score
      from candidates c
      order by score desc, c.id desc
      limit ${limit} offset ${query.offset}`.execute(db);
    return result.rows;
  },
};
