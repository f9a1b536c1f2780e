import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboxTable } from '../schema.js';
import type { Dialect, KindFilter, NewOutboxJob, OutboxJob, OutboxStatus } from '../store.js';

type Db = Kysely<Database>;

function toJob(row: Selectable<OutboxTable>): OutboxJob {
  return {
    id: Number(row.id),
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    idempotencyKey: row.idempotency_key,
    roomId: row.room_id === null ? null : Number(row.room_id),
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(Number(row.next_attempt_at)),
    lastError: row.last_error,
  };
}

export async function enqueueJob(db: Db, job: NewOutboxJob, now = Date.now()): Promise<OutboxJob> {
  await addJob(db, job, now);
  const row = await db.selectFrom('outbox').selectAll().where('idempotency_key', '=', job.idempotencyKey).executeTakeFirstOrThrow();
  return toJob(row);
}

/** Inserts the job unless its idempotency key exists; true when it was inserted. */
export async function addJob(db: Db, job: NewOutboxJob, now = Date.now()): Promise<boolean> {
  const result = await db
    .insertInto('outbox')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      idempotency_key: job.idempotencyKey,
      room_id: job.roomId ?? null,
      status: 'pending',
      next_attempt_at: job.runAt?.getTime() ?? now,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Leases due jobs. A job of a room is due only when no earlier job of that room (among the kinds
 * asked for) is running or due: the room's jobs run one after another even across processes.
 * On PostgreSQL, concurrent workers skip each other's locked rows; SQLite has a single writer.
 */
export async function claimDueJobs(db: Db, dialect: Dialect, now: Date, limit: number, leaseMs: number, kinds?: KindFilter): Promise<OutboxJob[]> {
  if (kinds && 'only' in kinds && kinds.only.length === 0) return [];
  const at = now.getTime();
  let due = db
    .selectFrom('outbox as o')
    .select('o.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('o.status', '=', 'pending'), eb('o.next_attempt_at', '<=', at)]),
        eb.and([eb('o.status', '=', 'running'), eb('o.locked_until', '<', at)]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('o.room_id', 'is', null),
        eb.not(
          eb.exists(
            ofKinds(eb.selectFrom('outbox as e').select('e.id'), 'e.kind', kinds)
              .whereRef('e.room_id', '=', 'o.room_id')
              .whereRef('e.id', '<', 'o.id')
              .where((inner) => inner.or([inner('e.status', '=', 'running'), inner.and([inner('e.status', '=', 'pending'), inner('e.next_attempt_at', '<=', at)])])),
          ),
        ),
      ]),
    )
    .orderBy('o.id')
    .limit(limit);
  due = ofKinds(due, 'o.kind', kinds);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'running', locked_until: at + leaseMs, attempts: eb('attempts', '+', 1), updated_at: at }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.map(toJob).sort((a, b) => a.id - b.id);
}

function ofKinds<Q extends { where: (...args: any[]) => Q }>(query: Q, column: string, kinds: KindFilter | undefined): Q {
  if (!kinds) return query;
  return 'only' in kinds ? query.where(column, 'in', [...kinds.only]) : query.where(column, 'not in', [...kinds.except]);
}

export async function completeJob(db: Db, id: number, now = Date.now()): Promise<void> {
  await db.updateTable('outbox').set({ status: 'done', locked_until: null, updated_at: now }).where('id', '=', id).execute();
}

export async function extendLease(db: Db, id: number, leaseMs: number, now = Date.now()): Promise<void> {
  await db.updateTable('outbox').set({ locked_until: now + leaseMs }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function failJob(db: Db, id: number, error: string, retryAt: Date | null, now = Date.now()): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt?.getTime() ?? now,
      locked_until: null,
      last_error: error.slice(0, 2000),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function countJobs(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status as OutboxStatus] = Number(row.n);
  return counts;
}

export async function nextAttemptAt(db: Db, kinds?: KindFilter): Promise<Date | undefined> {
  if (kinds && 'only' in kinds && kinds.only.length === 0) return undefined;
  const query = db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('status', '=', 'pending');
  const row = await ofKinds(query, 'kind', kinds).executeTakeFirst();
  return row?.at === null || row?.at === undefined ? undefined : new Date(Number(row.at));
}

export async function listJobs(db: Db, status?: OutboxStatus): Promise<OutboxJob[]> {
  let query = db.selectFrom('outbox').selectAll().orderBy('id');
  if (status) query = query.where('status', '=', status);
  return (await query.execute()).map(toJob);
}

export async function releaseRunningJobs(db: Db, now = Date.now()): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'pending', locked_until: null, next_attempt_at: now, updated_at: now })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getJob(db: Db, id: number): Promise<OutboxJob | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJob(row);
}

export async function waitingJobsOfRoom(db: Db, roomId: number, kind: string): Promise<OutboxJob[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('kind', '=', kind)
    .where('status', 'in', ['pending', 'running'])
    .orderBy('id')
    .execute();
  return rows.map(toJob);
}

export async function deferJob(db: Db, id: number, at: Date, now = Date.now()): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'pending', next_attempt_at: at.getTime(), locked_until: null, attempts: eb('attempts', '-', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

export async function foldJobs(db: Db, ids: number[], intoId: number, now = Date.now()): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ status: 'done', locked_until: null, last_error: `folded into job ${intoId}`, updated_at: now })
    .where('id', 'in', ids)
    .execute();
}

/** Puts a failed job back in the queue with fresh attempts; false when the job is not failed. */
export async function retryJob(db: Db, id: number, now = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
