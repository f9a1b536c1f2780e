import type { Kysely } from 'kysely';
import { ROOM_ROLES, type Member, type RoomRole } from '../../core/types.js';
import type { Database } from '../schema.js';
import type { MemberInput } from '../store.js';
import { authorizationDb } from './chat-authorization-tables.js';
import { toMember } from './mappers.js';

type Db = Kysely<Database>;

async function findMember(db: Db, platform: string, externalId: string): Promise<Member | undefined> {
  const row = await db
    .selectFrom('members')
    .selectAll()
    .where('platform', '=', platform)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row && toMember(row);
}

export async function upsertMember(db: Db, input: MemberInput, now = Date.now()): Promise<Member> {
  const existing = await findMember(db, input.platform, input.externalId);
  if (existing) {
    if (input.name === undefined || input.name === existing.name) return existing;
    await db.updateTable('members').set({ name: input.name, updated_at: now }).where('id', '=', existing.id).execute();
    return { ...existing, name: input.name };
  }
  await db
    .insertInto('members')
    .values({ platform: input.platform, external_id: input.externalId, name: input.name ?? null, created_at: now, updated_at: now })
    .onConflict((conflict) => conflict.columns(['platform', 'external_id']).doNothing())
    .execute();
  return (await findMember(db, input.platform, input.externalId))!;
}

export async function findMemberById(db: Db, id: number): Promise<Member | undefined> {
  const row = await db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMember(row);
}

/** Records the member's role in the room as the platform reported it (replacing the earlier one). */
export async function setRoomRole(database: Db, roomId: number, memberId: number, role: RoomRole, now = Date.now()): Promise<void> {
  await authorizationDb(database)
    .insertInto('room_members')
    .values({ room_id: roomId, member_id: memberId, role, updated_at: now })
    .onConflict((conflict) => conflict.columns(['room_id', 'member_id']).doUpdateSet({ role, updated_at: now }))
    .execute();
}

/** The member's last reported role in the room; undefined when the platform never said. */
export async function roomRole(database: Db, roomId: number, memberId: number): Promise<RoomRole | undefined> {
  const row = await authorizationDb(database).selectFrom('room_members').select('role').where('room_id', '=', roomId).where('member_id', '=', memberId).executeTakeFirst();
  return row && (ROOM_ROLES as readonly string[]).includes(row.role) ? (row.role as RoomRole) : undefined;
}
