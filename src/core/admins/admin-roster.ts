import type { Store } from '../../store/store.js';
import type { Member } from '../types.js';

/**
 * Who the bot's admins are: the config's `admins` (platform ids, on any platform) and those kept in the
 * database (claimed, or added in chat or on the CLI). The database's are read at most every `ttlMs`, so
 * `osschat admins add` in another process counts within seconds, and a chat message costs no read.
 */
export interface AdminRoster {
  isAdmin(member: Pick<Member, 'platform' | 'externalId'>): Promise<boolean>;
  /** Whether any admin exists; while none does, a claim code makes the first one. */
  exists(): Promise<boolean>;
  /** The ids listed under `admins` in the config (removed only by editing it). */
  readonly configured: readonly string[];
  /** The bot itself changed the stored admins: read them again. */
  changed(): void;
}

/** The platform of an admin added by an id the bot has not seen yet: like the config's, it counts on every platform. */
export const ANY_PLATFORM = '*';

/** How long the stored admins are trusted before they are read again. */
export const ADMIN_CACHE_MS = 2000;

export function adminRoster(store: Pick<Store, 'admins'>, configured: readonly string[], ttlMs = ADMIN_CACHE_MS): AdminRoster {
  const fromConfig = new Set(configured);
  let cached: { keys: Promise<Set<string>>; at: number } | undefined;
  const stored = (): Promise<Set<string>> => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const keys = store.admins.list().then((admins) => new Set(admins.map((admin) => `${admin.platform}:${admin.externalId}`)));
      const entry = { keys, at: Date.now() };
      cached = entry;
      // A failed read is not kept: the next question reads again.
      keys.catch(() => cached === entry && (cached = undefined));
    }
    return cached.keys;
  };
  return {
    configured,
    isAdmin: async (member) => {
      if (fromConfig.has(member.externalId)) return true;
      const keys = await stored();
      return keys.has(`${member.platform}:${member.externalId}`) || keys.has(`${ANY_PLATFORM}:${member.externalId}`);
    },
    exists: async () => fromConfig.size > 0 || (await stored()).size > 0,
    changed: () => (cached = undefined),
  };
}
