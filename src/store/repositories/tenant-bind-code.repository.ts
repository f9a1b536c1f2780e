import type { Selectable } from 'kysely';
import type { BindCode, BindCodeFailures, RedeemConsent, RedeemResult, Tenant } from '../../core/tenants/tenant.js';
import { countCodeFailures, recordCodeFailure } from './code-failure.repository.js';
import { baseDb, type TenantDb, type TenantTables } from './tenant-tables.js';

function toBindCode(row: Selectable<TenantTables['bind_codes']>): BindCode {
  return {
    code: row.code,
    tenantId: Number(row.tenant_id),
    repo: row.repo,
    createdBy: row.created_by,
    expiresAt: new Date(Number(row.expires_at)),
    usedAt: row.used_at === null ? null : new Date(Number(row.used_at)),
    roomId: row.room_id === null ? null : Number(row.room_id),
  };
}

export async function insertBindCode(db: TenantDb, code: Omit<BindCode, 'usedAt' | 'roomId'>, now = Date.now()): Promise<BindCode> {
  await db
    .insertInto('bind_codes')
    .values({ code: code.code, tenant_id: code.tenantId, repo: code.repo, created_by: code.createdBy, created_at: now, expires_at: code.expiresAt.getTime() })
    .execute();
  return { ...code, usedAt: null, roomId: null };
}

/** The tenant's codes not yet used and not expired, newest first. */
export async function openBindCodes(db: TenantDb, tenantId: number, now = Date.now()): Promise<BindCode[]> {
  const rows = await db
    .selectFrom('bind_codes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toBindCode);
}

/**
 * Uses the code once: links the room to the code's tenant and repository. A room another tenant owns is
 * refused; so is one the self-hosted configuration bound in chat (a repository, no tenant) without its consent.
 */
export async function redeemBindCode(db: TenantDb, code: string, roomId: number, consent: RedeemConsent = {}, now = Date.now()): Promise<RedeemResult> {
  const run = async (tx: TenantDb): Promise<RedeemResult> => {
    const row = await tx.selectFrom('bind_codes').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.used_at !== null) return { ok: false, reason: 'used' };
    if (Number(row.expires_at) <= now) return { ok: false, reason: 'expired' };
    const room = await tx.selectFrom('rooms').select(['tenant_id', 'repo']).where('id', '=', roomId).executeTakeFirstOrThrow();
    if (room.tenant_id !== null && Number(room.tenant_id) !== Number(row.tenant_id)) return { ok: false, reason: 'taken' };
    if (room.tenant_id === null && room.repo !== null && !consent.selfHosted) return { ok: false, reason: 'selfHosted' };
    const claimed = await tx.updateTable('bind_codes').set({ used_at: now, room_id: roomId }).where('code', '=', code).where('used_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
    await tx.updateTable('rooms').set({ tenant_id: row.tenant_id, repo: row.repo, updated_at: now }).where('id', '=', roomId).execute();
    const tenant = await tx.selectFrom('tenants').selectAll().where('id', '=', row.tenant_id).executeTakeFirstOrThrow();
    const owner: Tenant = { id: Number(tenant.id), login: tenant.github_login, kind: tenant.kind as Tenant['kind'] };
    return { ok: true, tenant: owner, repo: row.repo };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Remembers a wrong code said in a room, once per message (a retried command counts once). */
export async function recordBindCodeFailure(db: TenantDb, messageId: number, roomId: number, memberId: number, now = Date.now()): Promise<void> {
  await recordCodeFailure(baseDb(db), 'bind', { messageId, roomId, memberId }, now);
}

/** Wrong codes since `since` by the member (in any room) and in the room (by anyone), leaving out message `except`. */
export async function countBindCodeFailures(db: TenantDb, roomId: number, memberId: number, since: number, except: number): Promise<BindCodeFailures> {
  const { member, scope } = await countCodeFailures(baseDb(db), 'bind', since, except, { memberId, roomId });
  return { member, room: scope };
}
