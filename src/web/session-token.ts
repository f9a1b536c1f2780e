import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** A fresh session id (32 random bytes) as the cookie carries it. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps instead of the id: a stolen database row opens no session. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** The key that seals the session's GitHub token: derived from the id, so only the cookie's holder can unseal it. */
function tokenKey(id: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(id), Buffer.alloc(0), 'osschat dashboard github token', 32));
}

/** AES-256-GCM: `iv.tag.ciphertext`, base64url. */
export function sealToken(id: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', tokenKey(id), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

/** The token, or undefined when the value was not sealed for this id. */
export function unsealToken(id: string, sealed: string): string | undefined {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', tokenKey(id), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
