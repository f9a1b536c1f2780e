import { redact, type RedactKind } from '../archive/redact.js';
import type { IssueSettings } from '../services.js';

/**
 * Text as the forge may see it: the archive's redactor, secrets (tokens, keys, passwords), WeChat
 * ids and ID-card numbers always hidden, phone numbers and e-mail addresses unless `issues.redact` keeps them.
 */
export function redactForForge(text: string, settings: IssueSettings['redact']): string {
  const keep: RedactKind[] = [...(settings.phones ? [] : ['phone' as const]), ...(settings.emails ? [] : ['email' as const])];
  return redact(text, { keep });
}
