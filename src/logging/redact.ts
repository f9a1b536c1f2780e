const TOKEN_PATTERNS: RegExp[] = [
  /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /(?<=[?&](?:access_token|token|key|secret|password)=)[^&\s"']+/gi,
  // A URL's password, also in a mistyped URL (postgres//user:pass@host, postgres:/user:pass@host).
  /(?<=[a-z][a-z0-9+.-]*(?::\/\/?|\/\/)[^:/\s"'@]+:)[^@\s"'/]+(?=@)/gi,
  /(?<=\b(?:Bearer|token)\s)[A-Za-z0-9._~+/-]{16,}=*/g,
];

/** Keys whose values never reach a log line, at any depth. */
export const SECRET_KEYS = ['token', 'password', 'privateKey', 'webhookSecret', 'secret', 'authorization', 'cookie'];

/** Removes known secret values and anything shaped like a token, a key or a URL password from `text`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 6) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) result = result.split(form).join('[redacted]');
  }
  for (const pattern of TOKEN_PATTERNS) result = result.replace(pattern, '[redacted]');
  return result;
}
