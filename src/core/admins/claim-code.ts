import { createHash, randomBytes } from 'node:crypto';
import { BIND_CODE_ALPHABET } from '../tenants/tenant.js';

/** How long a claim code works; `osschat admins code` prints a fresh one. */
export const CLAIM_CODE_TTL_MS = 60 * 60_000;
export const CLAIM_CODE_TTL_MINUTES = CLAIM_CODE_TTL_MS / 60_000;

// 12 characters of 32 values: 60 bits, in three groups of four that read aloud and type easily (no 0/O, 1/I).
const LENGTH = 12;
const GROUP = 4;
const SHAPE = new RegExp(`^[${BIND_CODE_ALPHABET}]{${LENGTH}}$`);

/** A fresh code such as `7KQ2-M9XP-4RTA`; 256 is a multiple of 32, so `byte % 32` is uniform. */
export function newClaimCode(random: Uint8Array = randomBytes(LENGTH)): string {
  return grouped(Array.from(random.subarray(0, LENGTH), (byte) => BIND_CODE_ALPHABET[byte % BIND_CODE_ALPHABET.length]).join(''));
}

/** The code as typed (any case, full- or half-width, with or without dashes or spaces) in its printed form, or undefined when it cannot be one. */
export function normalizeClaimCode(text: string): string | undefined {
  const plain = text.normalize('NFKC').replace(/[\s\-‐—]/g, '').toUpperCase();
  return SHAPE.test(plain) ? grouped(plain) : undefined;
}

function grouped(plain: string): string {
  return plain.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/** What the database keeps of a code: its sha256, so a copy of the database claims nothing. */
export function hashClaimCode(code: string): string {
  return createHash('sha256').update(normalizeClaimCode(code) ?? code.trim()).digest('hex');
}
