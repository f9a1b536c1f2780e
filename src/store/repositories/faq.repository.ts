import { sql, type Kysely, type Selectable } from 'kysely';
import type { FaqEntry, FaqSource, StoredFaqEntry } from '../../core/faq/faq-entry.js';
import type { Database, FaqEntriesTable } from '../schema.js';
import { authorizationDb } from './chat-authorization-tables.js';

type Db = Kysely<Database>;

function toEntry(row: Selectable<FaqEntriesTable>): StoredFaqEntry {
  return {
    id: row.id,
    questions: JSON.parse(row.questions) as string[],
    answer: row.answer,
    ...(row.url ? { url: row.url } : {}),
    tags: JSON.parse(row.tags) as string[],
    source: row.source as FaqSource,
    hits: Number(row.hits),
    helpful: Number(row.helpful),
    notHelpful: Number(row.not_helpful),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

/** Creates the entry or replaces its content (re-importing the same id changes nothing else). */
export async function upsertFaqEntry(db: Db, entry: FaqEntry, now = Date.now()): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await getFaqEntry(db, entry.id);
  const content = { questions: JSON.stringify(entry.questions), answer: entry.answer, url: entry.url ?? null, tags: JSON.stringify(entry.tags), source: entry.source };
  if (!existing) {
    await db.insertInto('faq_entries').values({ id: entry.id, ...content, created_at: now, updated_at: now }).execute();
    return 'created';
  }
  const same = JSON.stringify([existing.questions, existing.answer, existing.url ?? null, existing.tags]) === JSON.stringify([entry.questions, entry.answer, entry.url ?? null, entry.tags]);
  if (same) return 'unchanged';
  await db.updateTable('faq_entries').set({ ...content, updated_at: now }).where('id', '=', entry.id).execute();
  return 'updated';
}

export async function getFaqEntry(db: Db, id: string): Promise<StoredFaqEntry | undefined> {
  const row = await db.selectFrom('faq_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEntry(row);
}

export async function listFaqEntries(db: Db): Promise<StoredFaqEntry[]> {
  return (await db.selectFrom('faq_entries').selectAll().orderBy('id').execute()).map(toEntry);
}

export async function removeFaqEntry(db: Db, id: string): Promise<boolean> {
  return Number((await db.deleteFrom('faq_entries').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
}

/**
 * A value that changes whenever an entry is added, changed, removed or voted on (hits do not count): a running
 * bot compares it to notice what other processes (`osschat faq import`, the dashboard, a worker) wrote.
 * The sum of `updated_at` is read as text so that no digit is lost to floating point.
 */
export async function faqVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('faq_entries')
    .select((eb) => [
      eb.fn.countAll().as('entries'),
      sql<string | null>`cast(sum(updated_at) as text)`.as('updated'),
      eb.fn.sum('helpful').as('helpful'),
      eb.fn.sum('not_helpful').as('notHelpful'),
    ])
    .executeTakeFirstOrThrow();
  return [row.entries, row.updated, row.helpful, row.notHelpful].map((value) => String(value ?? 0)).join(':');
}

export async function countFaqHit(db: Db, id: string): Promise<void> {
  await db.updateTable('faq_entries').set((eb) => ({ hits: eb('hits', '+', 1) })).where('id', '=', id).execute();
}

/**
 * One vote per member per entry: the (entry, member) key admits the first vote only, so a repeat, a retried
 * job or a second worker changes nothing. True when this vote counted.
 */
export async function voteFaqEntry(db: Db, id: string, memberId: number, helpful: boolean, now = Date.now()): Promise<boolean> {
  const run = async (tx: Db): Promise<boolean> => {
    const added = await authorizationDb(tx)
      .insertInto('faq_votes')
      .values({ entry_id: id, member_id: memberId, helpful: helpful ? 1 : 0, voted_at: now })
      .onConflict((conflict) => conflict.columns(['entry_id', 'member_id']).doNothing())
      .executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    await tx
      .updateTable('faq_entries')
      .set((eb) => (helpful ? { helpful: eb('helpful', '+', 1) } : { not_helpful: eb('not_helpful', '+', 1) }))
      .where('id', '=', id)
      .execute();
    return true;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export async function recordFaqAnswer(db: Db, roomId: number, entryId: string, question: string, at = Date.now()): Promise<void> {
  await db.insertInto('faq_answers').values({ room_id: roomId, entry_id: entryId, question, answered_at: at }).execute();
}

/** When the entry was last answered in the room, if ever. */
export async function lastFaqAnswer(db: Db, roomId: number, entryId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('faq_answers')
    .select((eb) => eb.fn.max('answered_at').as('at'))
    .where('room_id', '=', roomId)
    .where('entry_id', '=', entryId)
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? undefined : new Date(Number(row.at));
}
