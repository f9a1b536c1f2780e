import type { PollTarget } from '../../store/repositories/poll.repository.js';
import type { Store } from '../../store/store.js';

/**
 * The repositories to poll: those rooms subscribe to (in chat or in the configuration) and those
 * chat opened issues in (closing the loop needs their `closed` events), each since the first of those.
 */
export async function pollTargets(store: Store, configuredRepos: readonly string[], startedAt: Date): Promise<PollTarget[]> {
  const since = new Map<string, Date>();
  const add = (repo: string, at: Date) => {
    const known = since.get(repo);
    if (!known || at < known) since.set(repo, at);
  };
  for (const target of await store.polling.targets()) add(target.repo, target.since);
  for (const repo of configuredRepos) add(repo.toLowerCase(), startedAt);
  return [...since].map(([repo, at]) => ({ repo, since: at }));
}
