import type { Config } from '../config/schema.js';
import { parseSubscriptionSpec } from '../core/notify/subscription-spec.js';
import type { Store } from '../store/store.js';

/** What the bot does with a repository: opens issues in it, or only relays its events. */
export type RepoUse = 'issues' | 'events';

/** Every repository the bot works with: bound in `rooms:` or in chat (issues), or subscribed to (events). */
export async function boundRepos(config: Config, store: Store | undefined): Promise<Map<string, RepoUse>> {
  const repos = new Map<string, RepoUse>();
  // Names differ only in case on GitHub: the first spelling seen is kept.
  const add = (repo: string, use: RepoUse) => {
    const known = [...repos.keys()].find((name) => name.toLowerCase() === repo.toLowerCase()) ?? repo;
    if (repos.get(known) !== 'issues') repos.set(known, use);
  };
  for (const room of config.rooms) {
    if (room.repo) add(room.repo, 'issues');
    for (const spec of room.subscribe ?? []) {
      const parsed = parseSubscriptionSpec(spec);
      if (parsed.ok) add(parsed.repo, 'events');
    }
  }
  for (const room of store ? await store.rooms.list() : []) {
    if (room.repo) add(room.repo, 'issues');
    for (const subscription of await store!.subscriptions.ofRoom(room.id)) add(subscription.repo, 'events');
  }
  return repos;
}
