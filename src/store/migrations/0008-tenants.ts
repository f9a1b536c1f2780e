import type { Kysely } from 'kysely';
import type { Dialect } from '../store.js';

/** Hosted mode: tenants (GitHub accounts) own rooms and FAQ entries; members administer them; one-time bind codes. */
export function tenants(dialect: Dialect) {
  const ref = dialect === 'postgres' ? 'bigint' : 'integer';
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';

  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('tenants')
      .addColumn('id', id, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('github_login', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('tenant_members')
      .addColumn('tenant_id', ref, (c) => c.notNull().references('tenants.id'))
      .addColumn('github_login', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('tenant_members_pk', ['tenant_id', 'github_login'])
      .execute();
    await db.schema.createIndex('tenant_members_login').on('tenant_members').column('github_login').execute();
    await db.schema
      .createTable('bind_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', ref, (c) => c.notNull().references('tenants.id'))
      .addColumn('repo', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('room_id', ref, (c) => c.references('rooms.id'))
      .execute();
    await db.schema.createIndex('bind_codes_tenant').on('bind_codes').column('tenant_id').execute();
    await db.schema.alterTable('rooms').addColumn('tenant_id', ref, (c) => c.references('tenants.id')).execute();
    await db.schema.createIndex('rooms_tenant').on('rooms').column('tenant_id').execute();
    await db.schema.alterTable('faq_entries').addColumn('tenant_id', ref, (c) => c.references('tenants.id')).execute();
    await db.schema.createIndex('faq_entries_tenant').on('faq_entries').column('tenant_id').execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('faq_entries_tenant').execute();
    await db.schema.alterTable('faq_entries').dropColumn('tenant_id').execute();
    await db.schema.dropIndex('rooms_tenant').execute();
    await db.schema.alterTable('rooms').dropColumn('tenant_id').execute();
    await db.schema.dropTable('bind_codes').execute();
    await db.schema.dropTable('tenant_members').execute();
    await db.schema.dropTable('tenants').execute();
  }

  return { up, down };
}
