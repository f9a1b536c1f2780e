import type { Kysely } from 'kysely';
import type { InstallationChange, Reach } from '../../core/installations/installation-change.js';

interface InstallationTables {
  installations: { installation_id: number; account: string; repository_selection: string; suspended: number; updated_at: number };
  installation_repos: { installation_id: number; repo: string };
}

type Db = Kysely<InstallationTables>;

export interface InstallationRepository {
  /** Applies what an installation webhook says (idempotent: a redelivery changes nothing more). */
  apply(change: InstallationChange): Promise<void>;
  /** Whether an active installation of the App reaches `repo` (owner/name). */
  reach(repo: string): Promise<Reach>;
}

/** GitHub App installations and their repositories; names are kept in lower case, as GitHub compares them. */
export function installationRepository(db: Kysely<any>): InstallationRepository {
  const tables = db as Db;
  return { apply: (change) => applyChange(tables, change), reach: (repo) => reachOf(tables, repo) };
}

async function applyChange(db: Db, change: InstallationChange, now = Date.now()): Promise<void> {
  const id = change.installationId;
  if (change.deleted) {
    await db.deleteFrom('installation_repos').where('installation_id', '=', id).execute();
    await db.deleteFrom('installations').where('installation_id', '=', id).execute();
    return;
  }
  const row = { account: change.account.toLowerCase(), repository_selection: change.selection, updated_at: now };
  const suspended = change.suspended === undefined ? {} : { suspended: change.suspended ? 1 : 0 };
  await db
    .insertInto('installations')
    .values({ installation_id: id, ...row, suspended: change.suspended ? 1 : 0 })
    .onConflict((conflict) => conflict.column('installation_id').doUpdateSet({ ...row, ...suspended }))
    .execute();
  const { set, add = [], remove = [] } = change.repos ?? {};
  if (set) await db.deleteFrom('installation_repos').where('installation_id', '=', id).execute();
  const added = [...(set ?? []), ...add].map((repo) => ({ installation_id: id, repo: repo.toLowerCase() }));
  if (added.length > 0) await db.insertInto('installation_repos').values(added).onConflict((conflict) => conflict.doNothing()).execute();
  if (remove.length > 0) {
    await db.deleteFrom('installation_repos').where('installation_id', '=', id).where('repo', 'in', remove.map((repo) => repo.toLowerCase())).execute();
  }
}

async function reachOf(db: Db, repo: string): Promise<Reach> {
  const name = repo.toLowerCase();
  const owner = name.split('/')[0]!;
  const known = await db.selectFrom('installations').select('installation_id').limit(1).executeTakeFirst();
  if (!known) return 'unknown';
  const reached = await db
    .selectFrom('installations as i')
    .select('i.installation_id')
    .where('i.suspended', '=', 0)
    .where((eb) =>
      eb.or([
        eb.and([eb('i.repository_selection', '=', 'all'), eb('i.account', '=', owner)]),
        eb.exists(eb.selectFrom('installation_repos as r').select('r.repo').whereRef('r.installation_id', '=', 'i.installation_id').where('r.repo', '=', name)),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return reached ? 'yes' : 'no';
}
