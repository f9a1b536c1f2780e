import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoredFaqEntry } from '../../core/faq/faq-entry.js';
import { bindCodeFrom, type BindCode, type BindCodeFailures, type Membership, type RedeemConsent, type RedeemResult, type Tenant, type TenantRoom } from '../../core/tenants/tenant.js';
import type { Database } from '../schema.js';
import type { OutboxJob, OutboxStatus } from '../store.js';
import { countBindCodeFailures, insertBindCode, openBindCodes, recordBindCodeFailure, redeemBindCode } from './tenant-bind-code.repository.js';
import {
  claimTenantFaq, tenantDeliveries, tenantFaq, tenantJob, tenantJobCounts, tenantJobs, tenantRoom, tenantRooms, releaseTenantRoom, setTenantArchive,
  type TenantDelivery, type TenantScope,
} from './tenant-scope.repository.js';
import { installedByTenant } from './tenant-installation.repository.js';
import { tenantDb, type TenantDb } from './tenant-tables.js';

/** Tenants, their administrators and bind codes; and every read the dashboard makes, scoped by tenant. */
export interface TenantRepository {
  /** The tenant of a GitHub account, created on first sign-in with `login` as its admin. */
  ensureAccount(login: string, kind: Tenant['kind'], admin: string): Promise<Tenant>;
  /** Tenants `login` may administer. */
  ofMember(login: string): Promise<Membership[]>;
  addMember(tenantId: number, login: string): Promise<void>;
  /** Logins that administer the tenant, oldest first. */
  members(tenantId: number): Promise<string[]>;
  /** Removes an administrator; the account's owner stays. */
  removeMember(tenantId: number, login: string): Promise<boolean>;
  /** A fresh one-time code for binding a group to `repo`, valid for `ttlMs`. */
  createBindCode(tenantId: number, repo: string, createdBy: string, ttlMs: number): Promise<BindCode>;
  openBindCodes(tenantId: number): Promise<BindCode[]>;
  /** Uses a code in a room: links the room to the code's tenant and repository (a self-hosted room only with `consent`). */
  redeemBindCode(code: string, roomId: number, consent?: RedeemConsent): Promise<RedeemResult>;
  /** Remembers that message `messageId` said a wrong code (once per message). */
  recordBindCodeFailure(messageId: number, roomId: number, memberId: number): Promise<void>;
  /** Wrong codes since `since` by the member and in the room, not counting message `except`. */
  bindCodeFailures(roomId: number, memberId: number, since: Date, except: number): Promise<BindCodeFailures>;
  /** The tenant that owns a room, or null. */
  tenantOfRoom(roomId: number): Promise<number | null>;
  /** The tenant's rooms; with null, the rooms no tenant owns (the self-hosted installation's). */
  rooms(tenantId: TenantScope): Promise<TenantRoom[]>;
  room(tenantId: number, roomId: number): Promise<TenantRoom | undefined>;
  /** Turns the room's public archive off, or on when the room opted in itself; false when nothing changed (not opted in, not the tenant's). */
  setArchivePublic(tenantId: number, roomId: number, on: boolean): Promise<boolean>;
  /** Whether an active App installation made by the tenant's own account reaches `repo` (proof the tenant controls it). */
  installedByTenant(tenantId: number, repo: string): Promise<boolean>;
  /** Unlinks a room from the tenant (and its repository), so another tenant may bind it. */
  releaseRoom(tenantId: number, roomId: number): Promise<boolean>;
  faq(tenantId: number): Promise<StoredFaqEntry[]>;
  /** Marks an entry as the tenant's; false when another tenant owns it. */
  claimFaq(tenantId: number, entryId: string): Promise<boolean>;
  /** Jobs of the scope's rooms (null: the rooms no tenant owns), newest `limit`, oldest first. */
  jobs(tenantId: TenantScope, status?: OutboxStatus, limit?: number): Promise<OutboxJob[]>;
  job(tenantId: TenantScope, jobId: number): Promise<OutboxJob | undefined>;
  jobCounts(tenantId: TenantScope): Promise<Record<OutboxStatus, number>>;
  /** Webhook deliveries that caused notifications in the tenant's rooms, newest first. */
  deliveries(tenantId: TenantScope, limit?: number): Promise<TenantDelivery[]>;
}

export type { TenantDelivery, TenantScope };

async function ensureAccount(db: TenantDb, login: string, kind: Tenant['kind'], admin: string, now = Date.now()): Promise<Tenant> {
  await db.insertInto('tenants').values({ github_login: login, kind, created_at: now }).onConflict((c) => c.column('github_login').doNothing()).execute();
  const row = await db.selectFrom('tenants').selectAll().where('github_login', '=', login).executeTakeFirstOrThrow();
  await addMember(db, Number(row.id), admin, now);
  return { id: Number(row.id), login: row.github_login, kind: row.kind as Tenant['kind'] };
}

async function addMember(db: TenantDb, tenantId: number, login: string, now = Date.now()): Promise<void> {
  await db
    .insertInto('tenant_members')
    .values({ tenant_id: tenantId, github_login: login, role: 'admin', created_at: now })
    .onConflict((c) => c.columns(['tenant_id', 'github_login']).doNothing())
    .execute();
}

async function removeMember(db: TenantDb, tenantId: number, login: string): Promise<boolean> {
  const owner = await db.selectFrom('tenants').select('github_login').where('id', '=', tenantId).executeTakeFirst();
  if (!owner || owner.github_login.toLowerCase() === login.toLowerCase()) return false;
  const result = await db.deleteFrom('tenant_members').where('tenant_id', '=', tenantId).where('github_login', '=', login).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

async function ofMember(db: TenantDb, login: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('tenant_members')
    .innerJoin('tenants', 'tenants.id', 'tenant_members.tenant_id')
    .select(['tenants.id', 'tenants.github_login', 'tenants.kind'])
    .where('tenant_members.github_login', '=', login)
    .orderBy('tenants.id')
    .execute();
  return rows.map((row) => ({ id: Number(row.id), login: row.github_login, kind: row.kind as Tenant['kind'], role: 'admin' }));
}

export function tenantRepository(database: Kysely<Database>): TenantRepository {
  const db = tenantDb(database);
  return {
    ensureAccount: (login, kind, admin) => ensureAccount(db, login, kind, admin),
    ofMember: (login) => ofMember(db, login),
    addMember: (tenantId, login) => addMember(db, tenantId, login),
    members: async (tenantId) =>
      (await db.selectFrom('tenant_members').select('github_login').where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('github_login').execute()).map((row) => row.github_login),
    removeMember: (tenantId, login) => removeMember(db, tenantId, login),
    createBindCode: (tenantId, repo, createdBy, ttlMs) =>
      insertBindCode(db, { code: bindCodeFrom(randomBytes(8)), tenantId, repo, createdBy, expiresAt: new Date(Date.now() + ttlMs) }),
    openBindCodes: (tenantId) => openBindCodes(db, tenantId),
    redeemBindCode: (code, roomId, consent) => redeemBindCode(db, code, roomId, consent),
    recordBindCodeFailure: (messageId, roomId, memberId) => recordBindCodeFailure(db, messageId, roomId, memberId),
    bindCodeFailures: (roomId, memberId, since, except) => countBindCodeFailures(db, roomId, memberId, since.getTime(), except),
    tenantOfRoom: async (roomId) => {
      const row = await db.selectFrom('rooms').select('tenant_id').where('id', '=', roomId).executeTakeFirst();
      return row?.tenant_id == null ? null : Number(row.tenant_id);
    },
    rooms: (tenantId) => tenantRooms(db, tenantId),
    room: (tenantId, roomId) => tenantRoom(db, tenantId, roomId),
    setArchivePublic: (tenantId, roomId, on) => setTenantArchive(db, tenantId, roomId, on),
    installedByTenant: (tenantId, repo) => installedByTenant(db, tenantId, repo),
    releaseRoom: (tenantId, roomId) => releaseTenantRoom(db, tenantId, roomId),
    faq: (tenantId) => tenantFaq(db, tenantId),
    claimFaq: (tenantId, entryId) => claimTenantFaq(db, tenantId, entryId),
    jobs: (tenantId, status, limit) => tenantJobs(db, tenantId, status, limit),
    job: (tenantId, jobId) => tenantJob(db, tenantId, jobId),
    jobCounts: (tenantId) => tenantJobCounts(db, tenantId),
    deliveries: (tenantId, limit) => tenantDeliveries(db, tenantId, limit),
  };
}
