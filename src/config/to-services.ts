import type { RoomSettings, Services } from '../core/services.js';
import type { Room } from '../core/types.js';
import type { Config, RoomConfig } from './schema.js';

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

/** The `rooms:` entry that matches the room (by platform id or exact topic), if any. */
export function configuredRoom(rooms: readonly RoomConfig[], room: Pick<Room, 'externalId' | 'topic'>): RoomConfig | undefined {
  return rooms.find(({ match }) => ('id' in match ? match.id === room.externalId : match.topic === room.topic));
}

/** What the configuration says about the room (read at each call: a reloaded configuration applies at once). */
export function roomSettings(config: Config, room: Room): RoomSettings {
  const entry = configuredRoom(config.rooms, room);
  if (!entry) return {};
  return { configured: true, ...(entry.repo ? { repo: entry.repo } : {}), ...(entry.locale ? { locale: entry.locale } : {}) };
}

/** The room is public by configuration (archive.rooms lists its topic or id). */
export function archiveConfigured(config: Config, room: Room): boolean {
  return config.archive.rooms.some((name) => name === room.topic || name === room.externalId);
}
