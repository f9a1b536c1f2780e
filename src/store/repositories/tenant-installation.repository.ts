import type { TenantDb } from './tenant-tables.js';

type InstallationTables = {
  installations: { installation_id: number; account: string; repository_selection: string; suspended: number };
  installation_repos: { installation_id: number; repo: string };
};

/**
 * Whether an active installation of the App made by the tenant's own account reaches `repo`: installing
 * the App on a repository takes admin rights on it, so this proves the tenant controls the repository.
 */
export async function installedByTenant(database: TenantDb, tenantId: number, repo: string): Promise<boolean> {
  const tenant = await database.selectFrom('tenants').select('github_login').where('id', '=', tenantId).executeTakeFirst();
  if (!tenant) return false;
  const db = database.withTables<InstallationTables>();
  const account = tenant.github_login.toLowerCase();
  const name = repo.toLowerCase();
  const found = await db
    .selectFrom('installations as i')
    .select('i.installation_id')
    .where('i.account', '=', account)
    .where('i.suspended', '=', 0)
    .where((eb) => {
      const listed = eb.exists(eb.selectFrom('installation_repos as r').select('r.repo').whereRef('r.installation_id', '=', 'i.installation_id').where('r.repo', '=', name));
      // An installation on all repositories reaches only its own account's.
      return name.split('/')[0] === account ? eb.or([eb('i.repository_selection', '=', 'all'), listed]) : listed;
    })
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}
