import type { Room } from '../types.js';

/** A community in hosted mode: the GitHub account (user or organisation) that owns rooms and FAQ entries. */
export interface Tenant {
  id: number;
  /** The GitHub login of the owning account. */
  login: string;
  kind: 'user' | 'org';
}

/** A room as its tenant's dashboard sees it. */
export interface TenantRoom extends Room {
  /** The room itself opted in to the public archive (`公开存档 开` / `/archive on`, or the operator's config). */
  archiveOptIn: boolean;
}

/** A tenant as one of its members sees it. */
export interface Membership extends Tenant {
  role: 'admin';
}

/** A one-time code that links the group where it is said to a tenant and a repository. */
export interface BindCode {
  code: string;
  tenantId: number;
  repo: string;
  createdBy: string;
  expiresAt: Date;
  usedAt: Date | null;
  roomId: number | null;
}

export type RedeemFailure = 'unknown' | 'expired' | 'used' | 'taken' | 'selfHosted';

export type RedeemResult = { ok: true; tenant: Tenant; repo: string } | { ok: false; reason: RedeemFailure };

/** Owners who agreed to the move: `selfHosted` when a configured admin says the code (the config owner's consent). */
export interface RedeemConsent {
  selfHosted?: boolean;
}

/** Wrong bind codes within the back-off window: by one member (in any room), and in one room (by anyone). */
export interface BindCodeFailures {
  member: number;
  room: number;
}

/** Codes look like `7KQ2-M9XP`: no 0/O or 1/I, easy to read aloud and to type on a phone. */
export const BIND_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BIND_CODE = /^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/i;

/** The stored form of a code as typed: upper case, with its dash. */
export function normalizeBindCode(text: string): string | undefined {
  const trimmed = text.trim().toUpperCase();
  if (!BIND_CODE.test(trimmed)) return undefined;
  const plain = trimmed.replace('-', '');
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

/** A fresh code from `random` bytes (one per character). */
export function bindCodeFrom(random: Uint8Array): string {
  const chars = Array.from(random.slice(0, 8), (byte) => BIND_CODE_ALPHABET[byte % BIND_CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
