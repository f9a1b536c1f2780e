import type { ConfiguredSubscriptions } from '../core/notify/accept-delivery.js';
import { parseSubscriptionSpec } from '../core/notify/subscription-spec.js';
import type { Config } from './schema.js';

/** The `rooms[].subscribe` entries for a repository, for the rooms the bot has already met. */
export function configuredSubscriptions(config: Config): ConfiguredSubscriptions {
  const entries = config.rooms.flatMap((room) =>
    (room.subscribe ?? []).map((spec) => ({ name: 'id' in room.match ? room.match.id : room.match.topic, parsed: parseSubscriptionSpec(spec) })),
  );
  return async (tx, repo) => {
    const found = [];
    for (const { name, parsed } of entries) {
      if (!parsed.ok || parsed.repo !== repo.toLowerCase()) continue;
      const room = await tx.rooms.findByName(name);
      if (room) found.push({ roomId: room.id, repo: parsed.repo, ...parsed.state });
    }
    return found;
  };
}
