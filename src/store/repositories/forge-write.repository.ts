import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Dialect } from '../store.js';

/** One issue or comment chat wrote to the forge, keyed by the command message that asked for it. */
export interface ForgeWrite {
  commandMessageId: number;
  roomId: number;
  memberId: number;
  kind: 'issue' | 'comment';
  at: Date;
}

export type ForgeWriteScope = { memberId: number } | { roomId: number };

export interface ForgeWriteRepository {
  /** Holds the member until the transaction ends (PostgreSQL), so two workers count one member's writes in turn. */
  lockMember(memberId: number): Promise<void>;
  /** Whether the command message was already accepted (a retry of it). */
  has(commandMessageId: number): Promise<boolean>;
  /** When the newest writes of the member or room after `since` happened, newest first, at most `limit`. */
  timesSince(scope: ForgeWriteScope, since: Date, limit: number): Promise<Date[]>;
  /** Records the write once per command message. */
  record(write: ForgeWrite): Promise<void>;
}

type ForgeWriteTables = {
  forge_writes: { command_message_id: number; room_id: number; member_id: number; kind: string; at: number };
};

export function forgeWriteRepository(base: Kysely<Database>, dialect: Dialect): ForgeWriteRepository {
  const db = base.withTables<ForgeWriteTables>();
  return {
    async lockMember(memberId) {
      // SQLite has one writer, and its transactions run one at a time already.
      if (dialect === 'postgres') await sql`select id from members where id = ${memberId} for update`.execute(db);
    },
    async has(commandMessageId) {
      return (await db.selectFrom('forge_writes').select('command_message_id').where('command_message_id', '=', commandMessageId).executeTakeFirst()) !== undefined;
    },
    async timesSince(scope, since, limit) {
      const rows = await db
        .selectFrom('forge_writes')
        .select('at')
        .where('memberId' in scope ? 'member_id' : 'room_id', '=', 'memberId' in scope ? scope.memberId : scope.roomId)
        .where('at', '>', since.getTime())
        .orderBy('at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => new Date(Number(row.at)));
    },
    async record(write) {
      await db
        .insertInto('forge_writes')
        .values({ command_message_id: write.commandMessageId, room_id: write.roomId, member_id: write.memberId, kind: write.kind, at: write.at.getTime() })
        .onConflict((conflict) => conflict.column('command_message_id').doNothing())
        .execute();
    },
  };
}
