import { sql } from 'kysely';
import type { ArchiveBackend } from './archive-search-index.js';
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
    const room = query.roomId === undefined ? sql`` : sql`and m.room_id = ${query.roomId}`;
    const tsquery = sql`to_tsquery('simple', ${words.map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ')})`;
    const result = await sql<{ id: number; roomId: number; score: number }>`
      select m.id as id, m.room_id as "roomId", ts_rank(a.body, q.query) as score
      from archive_search a
      cross join ${tsquery} as q(query)
      join messages m on m.id = a.message_id
      join rooms r on r.id = m.room_id
      join members s on s.id = m.sender_id
      where a.body @@ q.query and ${PUBLISHABLE} ${room}
      order by score desc, m.id desc
      limit ${limit} offset ${query.offset}`.execute(db);
    return result.rows;
  },
};
