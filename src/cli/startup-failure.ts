import type { Config } from '../config/schema.js';
import type { Logger } from '../core/logger.js';
import { translator } from '../core/i18n/translate.js';
import { redactSecrets } from '../logging/redact.js';
import { dialectOf } from '../store/open-store.js';
import { secretsOf } from './shared.js';

interface SystemError {
  code?: string;
  syscall?: string;
  message?: string;
}

// Network failures, then PostgreSQL's "invalid password", "invalid authorization" and "no such database".
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', '28P01', '28000', '3D000']);
const READ_ONLY = /^(SQLITE_READONLY|SQLITE_CANTOPEN|EACCES|EROFS|EPERM)/;

/** A failed start as one line that names what is wrong and the fix, in the configured language; never a stack or a password. */
export function describeStartupFailure(error: unknown, config: Config): string {
  const t = translator(config.locale);
  const { code, syscall, message = String(error) } = (error ?? {}) as SystemError;
  const reason = redactSecrets(code ?? message, secretsOf(config));
  if (syscall === 'listen') {
    const where = { host: config.web.host, port: config.web.port, reason };
    return code === 'EADDRINUSE' ? t('startup.portInUse', where) : t('startup.portDenied', where);
  }
  const sqlite = dialectOf(config.database.url) === 'sqlite';
  if (sqlite && code && READ_ONLY.test(code)) return t('startup.databaseReadOnly', { path: config.database.url, reason });
  if (!sqlite && ((code && UNREACHABLE.has(code)) || /timeout|terminated/i.test(message))) {
    return t('startup.databaseUnreachable', { url: redactSecrets(config.database.url), reason });
  }
  return t('startup.failed', { reason: redactSecrets(message, secretsOf(config)) });
}

/** Says why the start failed on standard error and ends the process with 1; the stack goes to the debug log. */
export function exitOnStartupFailure(error: unknown, config: Config, log: Logger): never {
  log.debug({ err: error }, 'start failed');
  process.stderr.write(`${describeStartupFailure(error, config)}\n`);
  process.exit(1);
}
