import type { Kysely } from 'kysely';
import type { Member } from '../../core/types.js';
import type { Database } from '../schema.js';
import type { MemberInput } from '../store.js';
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
