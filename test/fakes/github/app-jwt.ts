import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export interface JwtCheck {
  ok: boolean;
  message?: string;
}

/** GitHub refuses app JWTs that live longer than ten minutes; allow a minute of clock skew. */
const MAX_LIFETIME_S = 600;
const SKEW_S = 60;

export function looksLikeJwt(token: string): boolean {
  return /^eyJ[\w-]*\.eyJ[\w-]*\.[\w-]+$/.test(token);
}

/** Verifies an RS256 app JWT the way GitHub does: signature, `iss` (app id or client id), `iat`, `exp`. */
export function verifyAppJwt(jwt: string, publicKey: KeyObject | string, issuers: string[], nowMs = Date.now()): JwtCheck {
  const [header = '', payload = '', signature = ''] = jwt.split('.');
  const claims = decodeJson(payload);
  const head = decodeJson(header);
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const signed = Buffer.from(`${header}.${payload}`);
  if (!claims || head?.alg !== 'RS256' || !verify('RSA-SHA256', signed, key, Buffer.from(signature, 'base64url'))) {
    return { ok: false, message: 'A JSON web token could not be decoded' };
  }
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.iat !== 'number' || claims.iat > now + SKEW_S) {
    return { ok: false, message: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued." };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now - SKEW_S || claims.exp > now + MAX_LIFETIME_S + SKEW_S) {
    return {
      ok: false,
      message: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.",
    };
  }
  if (!issuers.includes(String(claims.iss))) return { ok: false, message: 'A JSON web token could not be decoded' };
  return { ok: true };
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
