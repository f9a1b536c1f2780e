import { sql, type Kysely } from 'kysely';
import type { ClaimFailure, ClaimFailures, ClaimResult, NewAdmin, StoredAdmin } from '../../core/admins/admin.js';
import type { Member } from '../../core/types.js';
import type { Database } from '../schema.js';
import type { Dialect } from '../store.js';
import { countCodeFailures, recordCodeFailure } from './code-failure.repository.js';
import { toMember } from './mappers.js';

/** Bot admins kept in the database, and the one-time codes that make the first one. */
export interface AdminRepository {
  /** Every stored admin, oldest first, with the member's name when the bot has seen them. */
  list(): Promise<StoredAdmin[]>;
  /** Makes the member an admin; false when they already were one. */
  add(admin: NewAdmin): Promise<boolean>;
  /** False when the member was not a stored admin. */
  remove(platform: string, externalId: string): Promise<boolean>;
  /** Keeps a claim code, by its hash, until `expiresAt`. */
  createClaimCode(codeHash: string, expiresAt: Date): Promise<void>;
  /**
   * Uses a live code once to make `admin` the first admin, and retires every other code, in one transaction;
   * refused once any admin is stored. Two processes redeeming at once make one admin at most.
   */
  redeemClaimCode(codeHash: string, admin: Omit<NewAdmin, 'addedBy'>): Promise<ClaimResult>;
  /** Remembers that message `messageId` said a wrong claim code (once per message). */
  recordClaimFailure(messageId: number, roomId: number, memberId: number): Promise<void>;
  /** Wrong claim codes since `since` by the member and by everyone, not counting message `except`. */
  claimFailures(memberId: number, since: Date, except: number): Promise<ClaimFailures>;
  /** Members with this platform id on any platform: names for the configured admins, and what `osschat admins add ID` means. */
  membersWithId(externalId: string): Promise<Member[]>;
  /** Members of that name who have spoken in the room: whom an @-mention names. */
  membersNamed(roomId: number, name: string): Promise<Member[]>;
}

type AdminTables = {
  admins: { platform: string; external_id: string; added_by: string; added_at: number };
  admin_claim_codes: { code_hash: string; created_at: number; expires_at: number; used_at: number | null; used_by: string | null };
};

type Db = Kysely<Database & AdminTables>;

async function redeemClaimCode(db: Db, dialect: Dialect, codeHash: string, admin: Omit<NewAdmin, 'addedBy'>, now = Date.now()): Promise<ClaimResult> {
  const run = async (tx: Db): Promise<ClaimResult> => {
    // PostgreSQL runs transactions side by side: one claim at a time, or two codes could make two first admins.
    // On SQLite the first statement is a write, which takes the database's one write lock.
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('osschat.admin-claim'))`.execute(tx);
    const used = await tx
      .updateTable('admin_claim_codes')
      .set({ used_at: now, used_by: `${admin.platform}:${admin.externalId}` })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('admins').select('platform'))))
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return { ok: false, reason: await whyNot(tx, codeHash) };
    await tx.updateTable('admin_claim_codes').set({ used_at: now }).where('used_at', 'is', null).execute();
    await tx.insertInto('admins').values({ platform: admin.platform, external_id: admin.externalId, added_by: 'claim', added_at: now }).execute();
    return { ok: true };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

async function whyNot(tx: Db, codeHash: string): Promise<ClaimFailure> {
  if (await tx.selectFrom('admins').select('platform').executeTakeFirst()) return 'adminExists';
  const code = await tx.selectFrom('admin_claim_codes').select('used_at').where('code_hash', '=', codeHash).executeTakeFirst();
  if (!code) return 'unknown';
  return code.used_at === null ? 'expired' : 'used';
}

async function listAdmins(db: Db): Promise<StoredAdmin[]> {
  const rows = await db
    .selectFrom('admins as a')
    .leftJoin('members as m', (join) => join.onRef('m.platform', '=', 'a.platform').onRef('m.external_id', '=', 'a.external_id'))
    .select(['a.platform', 'a.external_id', 'a.added_by', 'a.added_at', 'm.name'])
    .orderBy('a.added_at')
    .orderBy('a.external_id')
    .execute();
  return rows.map((row) => ({ platform: row.platform, externalId: row.external_id, name: row.name ?? null, addedBy: row.added_by, addedAt: new Date(Number(row.added_at)) }));
}

async function membersNamed(db: Db, roomId: number, name: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('members')
    .selectAll()
    .where('name', '=', name)
    .where((eb) => eb.exists(eb.selectFrom('messages').select('messages.id').where('messages.room_id', '=', roomId).whereRef('messages.sender_id', '=', 'members.id')))
    .orderBy('id')
    .limit(10)
    .execute();
  return rows.map(toMember);
}

export function adminRepository(base: Kysely<Database>, dialect: Dialect): AdminRepository {
  const db: Db = base.withTables<AdminTables>();
  return {
    list: () => listAdmins(db),
    add: async (admin) => {
      const added = await db
        .insertInto('admins')
        .values({ platform: admin.platform, external_id: admin.externalId, added_by: admin.addedBy, added_at: Date.now() })
        .onConflict((conflict) => conflict.columns(['platform', 'external_id']).doNothing())
        .executeTakeFirst();
      return Number(added.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    remove: async (platform, externalId) => {
      const removed = await db.deleteFrom('admins').where('platform', '=', platform).where('external_id', '=', externalId).executeTakeFirst();
      return Number(removed.numDeletedRows) === 1;
    },
    createClaimCode: async (codeHash, expiresAt) => {
      const now = Date.now();
      // Codes long expired tell nobody anything: each start adds one, so drop those older than a day.
      await db.deleteFrom('admin_claim_codes').where('expires_at', '<', now - 24 * 60 * 60_000).execute();
      await db.insertInto('admin_claim_codes').values({ code_hash: codeHash, created_at: now, expires_at: expiresAt.getTime(), used_at: null, used_by: null }).execute();
    },
    redeemClaimCode: (codeHash, admin) => redeemClaimCode(db, dialect, codeHash, admin),
    recordClaimFailure: (messageId, roomId, memberId) => recordCodeFailure(base, 'claim', { messageId, roomId, memberId }),
    claimFailures: async (memberId, since, except) => {
      const { member, scope } = await countCodeFailures(base, 'claim', since.getTime(), except, { memberId });
      return { member, all: scope };
    },
    membersWithId: async (externalId) => (await db.selectFrom('members').selectAll().where('external_id', '=', externalId).orderBy('id').execute()).map(toMember),
    membersNamed: (roomId, name) => membersNamed(db, roomId, name),
  };
}
