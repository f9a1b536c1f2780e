import type { Forge } from '../../forge/forge.js';

/**
 * What an earlier attempt created, found by `look`. An attempt killed mid-request may still have
 * its write carried out later: when nothing is found, look again once that window has passed.
 */
export async function findEarlier<T>(forge: Forge, look: () => Promise<T | undefined>): Promise<T | undefined> {
  const found = await look();
  if (found !== undefined || !forge.lateWriteMs) return found;
  await new Promise((resolve) => setTimeout(resolve, forge.lateWriteMs));
  return look();
}
