import { ArchiveReader, type ArchiveSettings } from '../../core/archive/archive-reader.js';
import { ArchiveSearch } from '../../core/archive/archive-search.js';
import type { Config } from '../../config/schema.js';
import { archiveConfigured, servicesFromConfig } from '../../config/to-services.js';
import type { Logger } from '../../core/logger.js';
import type { Store } from '../../store/store.js';
import { VERSION } from '../../version.js';

/** What the archive's pages are read from. */
export interface ArchiveSource {
  reader: ArchiveReader;
  search: ArchiveSearch;
  /** Makes the rooms listed in archive.rooms public (they may have joined since the last call). */
  applyConfiguredRooms(): Promise<void>;
}

/** The archive's settings from the configuration: names, salt, time zone, languages, address. */
export function archiveSettings(config: Config, cacheMs = 0): ArchiveSettings {
  const roomSettings = servicesFromConfig(config, VERSION).roomSettings;
  return {
    names: config.archive.names,
    salt: config.archive.pseudonymSalt,
    timeZone: config.archive.timeZone ?? config.issues.timeZone,
    localeOf: (room) => roomSettings(room).locale ?? room.locale ?? config.locale,
    defaultLocale: config.locale,
    ...(config.archive.baseUrl ? { baseUrl: config.archive.baseUrl.replace(/\/+$/, '') } : {}),
    cacheMs,
  };
}

/** Rooms public by configuration are switched on in the database, where every query looks. */
export async function applyConfiguredRooms(store: Store, config: Config): Promise<void> {
  if (config.archive.rooms.length === 0) return;
  for (const room of await store.rooms.list()) {
    if (room.kind === 'group' && !room.archivePublic && archiveConfigured(config, room)) await store.archive.setRoomPublic(room.id, true);
  }
}

/**
 * The live archive's absolute address: archive.baseUrl, else web.baseUrl + /archive. Never the
 * request's Host header, which anyone can forge to poison caches and search engines.
 */
export function liveArchiveBaseUrl(config: Config): string | undefined {
  if (config.archive.baseUrl) return config.archive.baseUrl.replace(/\/+$/, '');
  return config.web.baseUrl ? `${config.web.baseUrl.replace(/\/+$/, '')}/archive` : undefined;
}

/** Said once at start when the archive has no address: what is left out, and the fix. */
export const NO_ARCHIVE_ADDRESS =
  'archive.baseUrl and web.baseUrl are unset: archive pages use relative links, without canonical links, sitemap, Atom feeds or a Sitemap line in robots.txt; set archive.baseUrl (or web.baseUrl) to the public address';

export function storeArchiveSource(store: Store, config: Config, cacheMs = 10_000, log?: Pick<Logger, 'warn'>): ArchiveSource {
  const baseUrl = liveArchiveBaseUrl(config);
  if (!baseUrl) log?.warn({}, NO_ARCHIVE_ADDRESS);
  const settings = archiveSettings(config, cacheMs);
  const reader = new ArchiveReader(store, baseUrl ? { ...settings, baseUrl } : settings);
  let applied = 0;
  return {
    reader,
    search: new ArchiveSearch(store, reader),
    async applyConfiguredRooms() {
      if (Date.now() - applied < 60_000) return;
      applied = Date.now();
      await applyConfiguredRooms(store, config);
    },
  };
}
