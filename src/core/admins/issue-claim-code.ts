import type { Store } from '../../store/store.js';
import { adminRoster } from './admin-roster.js';
import { CLAIM_CODE_TTL_MS, hashClaimCode, newClaimCode } from './claim-code.js';

/**
 * A fresh one-time claim code while the bot has no admin (none in the config, none in the database), else
 * undefined. Only its hash is stored; every code printed within the last hour works until one is used.
 */
export async function issueClaimCode(store: Pick<Store, 'admins'>, configured: readonly string[], now = Date.now()): Promise<string | undefined> {
  if (await adminRoster(store, configured).exists()) return undefined;
  const code = newClaimCode();
  await store.admins.createClaimCode(hashClaimCode(code), new Date(now + CLAIM_CODE_TTL_MS));
  return code;
}
