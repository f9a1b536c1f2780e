import type { Generated, Kysely } from 'kysely';
import type { Database, FaqEntriesTable, RoomsTable } from '../schema.js';

/** The tables of migration 0008-tenants, and the columns it adds. */
export type TenantTables = {
  tenants: { id: Generated<number>; github_login: string; kind: string; created_at: number };
  tenant_members: { tenant_id: number; github_login: string; role: string; created_at: number };
  bind_codes: {
    code: string;
    tenant_id: number;
    repo: string;
    created_by: string;
    created_at: number;
    expires_at: number;
    used_at: number | null;
    room_id: number | null;
  };
  rooms: RoomsTable & { tenant_id: number | null };
  faq_entries: FaqEntriesTable & { tenant_id: number | null };
};

export type TenantDb = Kysely<Database & TenantTables>;

/** The database handle (pool or transaction) seen with the tenant tables. */
export function tenantDb(db: Kysely<Database>): TenantDb {
  return db.withTables<TenantTables>() as unknown as TenantDb;
}

/** The same handle seen with the base tables only, for the other repositories' functions. */
export function baseDb(db: TenantDb): Kysely<Database> {
  return db as unknown as Kysely<Database>;
}
