import type { RoomSettings, Services } from '../core/services.js';
import type { Room } from '../core/types.js';
import type { Config } from './schema.js';

/** What the core needs from the configuration: issue settings, per-room settings, identity. */
export function servicesFromConfig(config: Config, version: string): Omit<Services, 'forge'> {
  return {
    issues: config.issues,
    roomSettings: (room) => roomSettings(config, room),
    botNames: config.chat.botNames,
    version,
  };
}

function roomSettings(config: Config, room: Room): RoomSettings {
  const entry = config.rooms.find(({ match }) => ('id' in match ? match.id === room.externalId : match.topic === room.topic));
  if (!entry) return {};
  return { ...(entry.repo ? { repo: entry.repo } : {}), ...(entry.locale ? { locale: entry.locale } : {}) };
}
