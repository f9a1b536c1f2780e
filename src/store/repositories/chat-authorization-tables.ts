import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The tables of migration 0010-chat-authorization. */
export type ChatAuthorizationTables = {
  room_members: { room_id: number; member_id: number; role: string; updated_at: number };
  bind_code_failures: { message_id: number; room_id: number; member_id: number; failed_at: number };
  faq_votes: { entry_id: string; member_id: number; helpful: number; voted_at: number };
};

export type AuthorizationDb = Kysely<Database & ChatAuthorizationTables>;

/** The database handle (pool or transaction) seen with the tables of migration 0010. */
export function authorizationDb(db: Kysely<Database>): AuthorizationDb {
  return db.withTables<ChatAuthorizationTables>();
}
