import type { Kysely } from 'kysely';
import { REDACTION_MARK, redact } from '../core/archive/redact.js';
import type { Database } from '../store/schema.js';
import type { Dialect } from '../store/store.js';
import { createIndexSegmenter } from './index-segmenter.js';
import { createJiebaSegmenter } from './jieba-segmenter.js';
import { postgresArchiveBackend } from './postgres-archive-backend.js';
import type { SearchIndex, SearchQuery } from './search-index.js';
import type { Segmenter } from './segment.js';
import { sqliteArchiveBackend } from './sqlite-archive-backend.js';

/** One indexed message: its id, room and segmented, redacted text. */
export interface IndexedBody {
  id: number;
  roomId: number;
  body: string;
}

/** What differs between SQLite FTS5 and PostgreSQL tsvector. */
export interface ArchiveBackend {
  write(db: Kysely<Database>, bodies: IndexedBody[]): Promise<void>;
  /** Message ids and scores, best first, `limit` of them from `offset`, publishable messages only. */
  query(db: Kysely<Database>, words: string[], query: SearchQuery, limit: number): Promise<{ id: number; roomId: number; score: number }[]>;
}

const BATCH = 2000;
// An edit's time is the platform's; one that arrives late is still caught.
const EDIT_MARGIN_MS = 24 * 3600_000;

/** The archive's `SearchIndex` on the store's database: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL. */
export function createArchiveSearchIndex(db: Kysely<Database>, dialect: Dialect, segmenter?: Segmenter): SearchIndex {
  const backend = dialect === 'sqlite' ? sqliteArchiveBackend : postgresArchiveBackend;
  let words: Segmenter | undefined = segmenter;
  let indexWords: Segmenter | undefined = segmenter;
  const segment = (text: string) => (words ??= createJiebaSegmenter()).segment(text);
  const bodyOf = (text: string) => (indexWords ??= createIndexSegmenter()).segment(redact(text).replace(REDACTION_MARK, ' ')).join(' ');

  async function write(rows: { id: number; room_id: number; text: string }[]): Promise<void> {
    const bodies = rows.map((row) => ({ id: Number(row.id), roomId: Number(row.room_id), body: bodyOf(row.text) }));
    await db.transaction().execute((tx) => backend.write(tx, bodies));
  }

  async function syncRoom(roomId: number): Promise<number> {
    const state = await db.selectFrom('archive_search_state').selectAll().where('room_id', '=', roomId).executeTakeFirst();
    let last = Number(state?.last_message_id ?? 0);
    const startedAt = Date.now();
    let count = 0;
    for (;;) {
      const rows = await db
        .selectFrom('messages')
        .select(['id', 'room_id', 'text'])
        .where('room_id', '=', roomId)
        .where('id', '>', last)
        .where('is_self', '=', 0)
        .where('command', 'is', null)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      await write(rows);
      count += rows.length;
      last = Number(rows[rows.length - 1]!.id);
      if (rows.length < BATCH) break;
    }
    if (state) {
      const edited = await db
        .selectFrom('messages')
        .select(['id', 'room_id', 'text'])
        .where('edited_at', '>=', Number(state.synced_at) - EDIT_MARGIN_MS)
        .where('room_id', '=', roomId)
        .where('id', '<=', last)
        .where('is_self', '=', 0)
        .where('command', 'is', null)
        .execute();
      if (edited.length) await write(edited);
      count += edited.length;
    }
    await db
      .insertInto('archive_search_state')
      .values({ room_id: roomId, last_message_id: last, synced_at: startedAt })
      .onConflict((oc) => oc.column('room_id').doUpdateSet({ last_message_id: last, synced_at: startedAt }))
      .execute();
    return count;
  }

  return {
    async sync() {
      const rooms = await db.selectFrom('rooms').select('id').where('archive_public', '=', 1).execute();
      let count = 0;
      for (const room of rooms) count += await syncRoom(Number(room.id));
      return count;
    },
    async search(query) {
      const terms = [...new Set(segment(query.text))].slice(0, 16);
      if (terms.length === 0) return { hits: [], more: false, terms };
      const rows = await backend.query(db, terms, query, query.limit + 1);
      const hits = rows.slice(0, query.limit).map((row) => ({ messageId: Number(row.id), roomId: Number(row.roomId), score: Number(row.score) }));
      return { hits, more: rows.length > query.limit, terms };
    },
  };
}

