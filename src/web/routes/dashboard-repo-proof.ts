import { githubTokenOf } from '../session.js';
import { fill } from '../views/dashboard-labels.js';
import { fetchRepoAccess } from './auth-github.js';
import type { DashboardDeps } from './dashboard-deps.js';
import type { DashboardContext } from './dashboard-frame.js';

/**
 * `write`: the tenant may open issues there (a bind code, a room's repository). `read`: the room receives
 * its events (a subscription) — public events are harmless, so a public repository needs no more; a private one
 * needs the same proof as a write.
 */
export type RepoUse = 'write' | 'read';

/** Says why the signed-in tenant may not use `repo`, or undefined when it may. */
export type RepoProver = (c: DashboardContext, repo: string, use: RepoUse) => Promise<string | undefined>;

/**
 * Proof that the tenant controls a repository: the App installed on it by the tenant's own account (known from
 * installation webhooks), or the signed-in user's push, maintain or admin permission, asked of GitHub with their token.
 */
export function repoProver(deps: Pick<DashboardDeps, 'store' | 'github' | 'fetch' | 'log'>): RepoProver {
  return async (c, repo, use) => {
    const tenant = c.get('tenant');
    const l = c.get('l');
    if (await deps.store.tenants.installedByTenant(tenant.id, repo)) return undefined;
    const session = c.get('session');
    const token = githubTokenOf(session);
    const values = { repo, login: session.login, tenant: tenant.login };
    if (!token) return fill(l.repoSignInAgain, values);
    const access = await fetchRepoAccess(deps.github, token, repo, deps.fetch);
    if ('tokenRefused' in access) return fill(l.repoSignInAgain, values);
    if ('unreachable' in access) {
      deps.log.warn({ repo }, 'dashboard: GitHub did not answer a permission check');
      return fill(l.repoUnchecked, values);
    }
    if (access.visible && (access.canWrite || (use === 'read' && !access.private))) return undefined;
    return fill(l.repoNoProof, values);
  };
}
