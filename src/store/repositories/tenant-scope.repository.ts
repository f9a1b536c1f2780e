import type { StoredFaqEntry } from '../../core/faq/faq-entry.js';
import type { TenantRoom } from '../../core/tenants/tenant.js';
import type { OutboxJob, OutboxStatus } from '../store.js';
import { listFaqEntries } from './faq.repository.js';
import { toRoom } from './mappers.js';
import { getJob, listJobs } from './outbox.repository.js';
import { baseDb, type TenantDb } from './tenant-tables.js';

export interface TenantDelivery {
  deliveryId: string;
  event: string;
  receivedAt: Date;
}

/** A tenant's id, or null for the rooms no tenant owns: the self-hosted installation's own (config `dashboard.admins` see them). */
export type TenantScope = number | null;

/** Rooms of the scope: every scoped query filters on this. */
const roomsOf = (db: TenantDb, tenantId: TenantScope) =>
  tenantId === null ? db.selectFrom('rooms').select('id').where('tenant_id', 'is', null) : db.selectFrom('rooms').select('id').where('tenant_id', '=', tenantId);

const toTenantRoom = (row: Parameters<typeof toRoom>[0]): TenantRoom => ({ ...toRoom(row), archiveOptIn: Number(row.archive_opt_in) === 1 });

export async function tenantRooms(db: TenantDb, tenantId: TenantScope): Promise<TenantRoom[]> {
  const rows = await db.selectFrom('rooms').selectAll().where('id', 'in', roomsOf(db, tenantId)).orderBy('id').execute();
  return rows.map(toTenantRoom);
}

export async function tenantRoom(db: TenantDb, tenantId: number, roomId: number): Promise<TenantRoom | undefined> {
  const row = await db.selectFrom('rooms').selectAll().where('tenant_id', '=', tenantId).where('id', '=', roomId).executeTakeFirst();
  return row && toTenantRoom(row);
}

/** Turning off always works; turning on only where the room opted in itself (checked in the same statement). */
export async function setTenantArchive(db: TenantDb, tenantId: number, roomId: number, on: boolean): Promise<boolean> {
  let update = db.updateTable('rooms').set({ archive_public: on ? 1 : 0, updated_at: Date.now() }).where('tenant_id', '=', tenantId).where('id', '=', roomId);
  if (on) update = update.where('archive_opt_in', '=', 1);
  return Number((await update.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function releaseTenantRoom(db: TenantDb, tenantId: number, roomId: number): Promise<boolean> {
  const result = await db
    .updateTable('rooms')
    // A new owner must get the room's own opt-in again.
    .set({ tenant_id: null, repo: null, archive_public: 0, archive_opt_in: 0, updated_at: Date.now() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', roomId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function tenantFaq(db: TenantDb, tenantId: number): Promise<StoredFaqEntry[]> {
  const own = await db.selectFrom('faq_entries').select('id').where('tenant_id', '=', tenantId).execute();
  const ids = new Set(own.map((row) => row.id));
  return ids.size === 0 ? [] : (await listFaqEntries(baseDb(db))).filter((entry) => ids.has(entry.id));
}

export async function claimTenantFaq(db: TenantDb, tenantId: number, entryId: string): Promise<boolean> {
  await db.updateTable('faq_entries').set({ tenant_id: tenantId }).where('id', '=', entryId).where('tenant_id', 'is', null).execute();
  const row = await db.selectFrom('faq_entries').select('tenant_id').where('id', '=', entryId).executeTakeFirst();
  return row !== undefined && Number(row.tenant_id) === tenantId;
}

export async function tenantJobs(db: TenantDb, tenantId: TenantScope, status?: OutboxStatus, limit = 50): Promise<OutboxJob[]> {
  let query = db.selectFrom('outbox').select('id').where('room_id', 'in', roomsOf(db, tenantId)).orderBy('id', 'desc').limit(limit);
  if (status) query = query.where('status', '=', status);
  const ids = new Set((await query.execute()).map((row) => Number(row.id)));
  if (ids.size === 0) return [];
  return (await listJobs(baseDb(db), status)).filter((job) => ids.has(job.id)).reverse();
}

export async function tenantJob(db: TenantDb, tenantId: TenantScope, jobId: number): Promise<OutboxJob | undefined> {
  const row = await db.selectFrom('outbox').select('id').where('id', '=', jobId).where('room_id', 'in', roomsOf(db, tenantId)).executeTakeFirst();
  return row && getJob(baseDb(db), jobId);
}

export async function tenantJobCounts(db: TenantDb, tenantId: TenantScope): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('room_id', 'in', roomsOf(db, tenantId))
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status as OutboxStatus] = Number(row.n);
  return counts;
}

/** Notification jobs carry `KIND:DELIVERY:ROOM` keys: the deliveries behind the tenant's newest ones. */
export async function tenantDeliveries(db: TenantDb, tenantId: TenantScope, limit = 20): Promise<TenantDelivery[]> {
  const keys = await db
    .selectFrom('outbox')
    .select('idempotency_key')
    .where('room_id', 'in', roomsOf(db, tenantId))
    .where('kind', 'in', ['notify', 'digest'])
    .orderBy('id', 'desc')
    .limit(limit * 4)
    .execute();
  const ids = [...new Set(keys.map((row) => row.idempotency_key.split(':')[1]).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('deliveries').selectAll().where('delivery_id', 'in', ids).orderBy('received_at', 'desc').limit(limit).execute();
  return rows.map((row) => ({ deliveryId: row.delivery_id, event: row.event, receivedAt: new Date(Number(row.received_at)) }));
}
