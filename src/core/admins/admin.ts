/** A bot admin kept in the database: claimed with a one-time code, or added in chat or with `osschat admins add`. */
export interface StoredAdmin {
  platform: string;
  /** The member's platform id (as `/whois` and `osschat export` show it). */
  externalId: string;
  /** The member's name, when the bot has seen them speak. */
  name: string | null;
  /** Who made them admin: `claim`, `cli`, or the admin who added them in chat (`platform:id`). */
  addedBy: string;
  addedAt: Date;
}

export type NewAdmin = Pick<StoredAdmin, 'platform' | 'externalId' | 'addedBy'>;

/** Why a claim code did not make its sender admin. */
export type ClaimFailure = 'unknown' | 'expired' | 'used' | 'adminExists';

export type ClaimResult = { ok: true } | { ok: false; reason: ClaimFailure };

/** Wrong claim codes within the back-off window: by one member, and by everyone. */
export interface ClaimFailures {
  member: number;
  all: number;
}
