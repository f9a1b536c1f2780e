import type { RoomSettings, Services } from '../core/services.js';
import type { Room } from '../core/types.js';
import type { Config } from './schema.js';

/** What the core needs from the configuration: issue settings, per-room settings, identity. */
export function servicesFromConfig(config: Config, version: string): Omit<Services, 'forge'> {
  return {
    issues: config.issues,
    roomSettings: (room) => roomSettings(config, room),
    botNames: config.chat.botNames,
    commentOnSubscribed: config.notify.commentOnSubscribed,
    version,
    archive: { ...(config.archive.baseUrl ? { baseUrl: config.archive.baseUrl } : {}), configured: (room) => archiveConfigured(config, room) },
  };
}

function roomSettings(config: Config, room: Room): RoomSettings {
  const entry = config.rooms.find(({ match }) => ('id' in match ? match.id === room.externalId : match.topic === room.topic));
  if (!entry) return {};
  return { configured: true, ...(entry.repo ? { repo: entry.repo } : {}), ...(entry.locale ? { locale: entry.locale } : {}) };
}

/** The room is public by configuration (archive.rooms lists its topic or id). */
export function archiveConfigured(config: Config, room: Room): boolean {
  return config.archive.rooms.some((name) => name === room.topic || name === room.externalId);
}
