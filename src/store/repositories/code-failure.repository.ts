import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Which kind of one-time code a wrong guess was for: a dashboard bind code, or an admin claim code. */
export type CodeKind = 'bind' | 'claim';

/** Wrong codes, one row per message (migration 0010's table, with 0013's `kind`). */
type FailureTables = {
  bind_code_failures: { message_id: number; room_id: number; member_id: number; failed_at: number; kind: string };
};

function failuresDb(db: Kysely<Database>): Kysely<Database & FailureTables> {
  return db.withTables<FailureTables>();
}

/** Remembers a wrong code said in a message, once per message (a retried command counts once). */
export async function recordCodeFailure(db: Kysely<Database>, kind: CodeKind, at: { messageId: number; roomId: number; memberId: number }, now = Date.now()): Promise<void> {
  await failuresDb(db)
    .insertInto('bind_code_failures')
    .values({ message_id: at.messageId, room_id: at.roomId, member_id: at.memberId, failed_at: now, kind })
    .onConflict((conflict) => conflict.column('message_id').doNothing())
    .execute();
}

/**
 * Wrong codes of `kind` since `since`, leaving out message `except`: by the member (in any room), and in
 * the scope, which is one room or, without `roomId`, everywhere.
 */
export async function countCodeFailures(
  db: Kysely<Database>, kind: CodeKind, since: number, except: number, who: { memberId: number; roomId?: number },
): Promise<{ member: number; scope: number }> {
  const failures = failuresDb(db).selectFrom('bind_code_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', kind).where('failed_at', '>=', since).where('message_id', '!=', except);
  const [member, scope] = await Promise.all([
    failures.where('member_id', '=', who.memberId).executeTakeFirstOrThrow(),
    (who.roomId === undefined ? failures : failures.where('room_id', '=', who.roomId)).executeTakeFirstOrThrow(),
  ]);
  return { member: Number(member.n), scope: Number(scope.n) };
}
