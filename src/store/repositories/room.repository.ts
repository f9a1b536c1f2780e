import type { Kysely } from 'kysely';
import type { Room } from '../../core/types.js';
import type { Database } from '../schema.js';
import type { RoomInput } from '../store.js';
import { toRoom } from './mappers.js';

type Db = Kysely<Database>;

export async function findRoomByExternalId(db: Db, platform: string, externalId: string): Promise<Room | undefined> {
  const row = await db
    .selectFrom('rooms')
    .selectAll()
    .where('platform', '=', platform)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row && toRoom(row);
}

export async function upsertRoom(db: Db, input: RoomInput, now = Date.now()): Promise<Room> {
  const existing = await findRoomByExternalId(db, input.platform, input.externalId);
  if (!existing) return insertRoom(db, input, now);
  if (input.topic === undefined || input.topic === existing.topic) return existing;
  await db.updateTable('rooms').set({ topic: input.topic, updated_at: now }).where('id', '=', existing.id).execute();
  await recordTopic(db, existing.id, input.topic, now);
  return { ...existing, topic: input.topic };
}

async function insertRoom(db: Db, input: RoomInput, now: number): Promise<Room> {
  await db
    .insertInto('rooms')
    .values({
      platform: input.platform,
      external_id: input.externalId,
      kind: input.kind,
      topic: input.topic ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.columns(['platform', 'external_id']).doNothing())
    .execute();
  const room = (await findRoomByExternalId(db, input.platform, input.externalId))!;
  if (input.topic !== undefined) await recordTopic(db, room.id, input.topic, now);
  return room;
}

async function recordTopic(db: Db, roomId: number, topic: string, now: number): Promise<void> {
  await db.insertInto('room_topics').values({ room_id: roomId, topic, changed_at: now }).execute();
}

export async function findRoomByName(db: Db, name: string): Promise<Room | undefined> {
  const row = await db
    .selectFrom('rooms')
    .selectAll()
    .where('kind', '=', 'group')
    .where((eb) => eb.or([eb('topic', '=', name), eb('external_id', '=', name)]))
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row && toRoom(row);
}

export async function roomTopicHistory(db: Db, roomId: number): Promise<{ topic: string; changedAt: Date }[]> {
  const rows = await db
    .selectFrom('room_topics')
    .select(['topic', 'changed_at'])
    .where('room_id', '=', roomId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ topic: row.topic, changedAt: new Date(Number(row.changed_at)) }));
}

export async function listRooms(db: Db): Promise<Room[]> {
  const rows = await db.selectFrom('rooms').selectAll().orderBy('id').execute();
  return rows.map(toRoom);
}

export async function findRoomById(db: Db, id: number): Promise<Room | undefined> {
  const row = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRoom(row);
}

export async function setRoomRepo(db: Db, id: number, repo: string | null, now = Date.now()): Promise<void> {
  await db.updateTable('rooms').set({ repo, updated_at: now }).where('id', '=', id).execute();
}
