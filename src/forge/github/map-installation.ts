import type { InstallationChange } from '../../core/installations/installation-change.js';
import { type Json, numberAt, objectAt, textAt } from './map-json.js';

const names = (payload: Json, key: string): string[] | undefined => {
  const list = payload[key];
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((repo) => (repo && typeof repo === 'object' && typeof (repo as Json).full_name === 'string' ? [(repo as Json).full_name as string] : []));
};

/** Reads an `installation` or `installation_repositories` payload; a string says why it cannot. */
export function mapInstallation(name: string, payload: Json): InstallationChange | string {
  const installation = objectAt(payload, 'installation');
  const installationId = installation && numberAt(installation, 'id');
  const account = installation && textAt(objectAt(installation, 'account'), 'login');
  const action = textAt(payload, 'action');
  if (installationId === undefined || account === undefined) return `${name}: installation.id or installation.account.login is missing`;
  const selection = textAt(installation, 'repository_selection') === 'all' ? 'all' : 'selected';
  const base = { installationId, account, selection } as const;
  if (name === 'installation_repositories') {
    return { ...base, repos: { add: names(payload, 'repositories_added') ?? [], remove: names(payload, 'repositories_removed') ?? [] } };
  }
  switch (action) {
    case 'deleted':
      return { ...base, deleted: true };
    case 'suspend':
      return { ...base, suspended: true };
    case 'unsuspend':
      return { ...base, suspended: false };
    case 'created': {
      const set = names(payload, 'repositories');
      return set ? { ...base, repos: { set } } : base;
    }
    case 'new_permissions_accepted':
      return base;
    default:
      return `installation.${action ?? '(no action)'} changes nothing OSSChat keeps`;
  }
}
