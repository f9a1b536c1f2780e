import type { Kysely } from 'kysely';

/**
 * Bot admins kept in the database (besides `admins` in the config): the first claims the installation with
 * a one-time code printed where the bot runs, others are added in chat or with `osschat admins add`. They are
 * operator admins of the whole installation, keyed by platform id (a member may be added before they speak).
 * Claim codes are stored only as their sha256. Wrong claim codes share the wrong-bind-code log of 0010, told
 * apart by `kind`, so both back off the same way.
 */
export function admins() {
  async function up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('admins')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('admins_pk', ['platform', 'external_id'])
      .execute();
    await db.schema
      .createTable('admin_claim_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('used_by', 'text')
      .execute();
    await db.schema.alterTable('bind_code_failures').addColumn('kind', 'text', (c) => c.notNull().defaultTo('bind')).execute();
    await db.schema.createIndex('bind_code_failures_kind').on('bind_code_failures').columns(['kind', 'failed_at']).execute();
  }

  async function down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('bind_code_failures_kind').execute();
    await db.schema.alterTable('bind_code_failures').dropColumn('kind').execute();
    await db.schema.dropTable('admin_claim_codes').execute();
    await db.schema.dropTable('admins').execute();
  }

  return { up, down };
}
