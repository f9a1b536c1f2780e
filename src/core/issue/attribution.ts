import type { Member } from '../types.js';
import { cleanLabel } from '../text/strip-controls.js';
import { truncateText } from './truncate-text.js';

/** Longest name shown in an attribution, in code points. */
export const NAME_MAX = 48;

/**
 * The name a member is credited under on the forge: their name on one clean line
 * ({@link cleanLabel}), cut to {@link NAME_MAX}; when nothing visible is left, their platform id.
 * Still plain text: escape it for markdown where it is used.
 */
export function attributionName(member: Pick<Member, 'name' | 'externalId'>): string {
  const name = cleanLabel(member.name ?? '') || cleanLabel(member.externalId) || '?';
  return truncateText(name, NAME_MAX);
}
