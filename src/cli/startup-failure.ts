import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../core/logger.js';
import { translator, type Translate } from '../core/i18n/translate.js';
import { redactSecrets } from '../logging/redact.js';
import { dialectOf } from '../store/open-store.js';
import { secretsOf } from './shared.js';

interface SystemError {
  code?: string;
  syscall?: string;
  path?: string;
  message?: string;
}

// Network failures, and timeouts that pg reports as plain messages.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
// PostgreSQL's "invalid authorization" (a missing role, pg_hba.conf) and "invalid password".
const LOGIN_REFUSED = new Set(['28000', '28P01']);
const NO_SUCH_DATABASE = '3D000';
const READ_ONLY = /^(SQLITE_READONLY|SQLITE_CANTOPEN|EACCES|EROFS|EPERM)/;
const FILE_CODES: Record<string, Parameters<Translate>[0]> = {
  ENOENT: 'cli.fileMissing',
  EISDIR: 'cli.fileIsFolder',
  ENOTDIR: 'cli.fileNotInFolder',
  EACCES: 'cli.fileDenied',
  EPERM: 'cli.fileDenied',
};

/** A failed start as one line that names what is wrong and the fix, in the configured language; never a stack or a password. */
export function describeStartupFailure(error: unknown, config: Config): string {
  const t = translator(config.locale);
  return describeKnownFailure(error, config, t) ?? t('startup.failed', { reason: redactSecrets(messageOf(error), secretsOf(config)) });
}

/** The line for a failure whose cause and fix are known (database, port), else undefined. */
export function describeKnownFailure(error: unknown, config: Config, t: Translate): string | undefined {
  const { code, syscall, message = String(error) } = (error ?? {}) as SystemError;
  const reason = redactSecrets(code ?? message, secretsOf(config));
  if (syscall === 'listen') {
    const where = { host: config.web.host, port: config.web.port, reason };
    return code === 'EADDRINUSE' ? t('startup.portInUse', where) : t('startup.portDenied', where);
  }
  if (dialectOf(config.database.url) === 'sqlite') {
    return code && READ_ONLY.test(code) ? t('startup.databaseReadOnly', { path: config.database.url, reason }) : undefined;
  }
  return describePostgresFailure(code, message, config, t);
}

function describePostgresFailure(code: string | undefined, message: string, config: Config, t: Translate): string | undefined {
  const url = redactSecrets(config.database.url);
  const parts = new URL(config.database.url);
  if (code === NO_SUCH_DATABASE) {
    const name = decodeURIComponent(parts.pathname.slice(1)) || decodeURIComponent(parts.username);
    return t('startup.databaseMissing', { url, name, command: postgresCommand('createdb', parts, name) });
  }
  if (code && LOGIN_REFUSED.has(code)) {
    const role = decodeURIComponent(parts.username) || 'USER';
    return t('startup.databaseRefused', { url, reason: redactSecrets(message, secretsOf(config)), command: postgresCommand('createuser', parts, role) });
  }
  if ((code && UNREACHABLE.has(code)) || /timeout|terminated/i.test(message)) return t('startup.databaseUnreachable', { url, reason: redactSecrets(code ?? message, secretsOf(config)) });
  return undefined;
}

/** `createdb -h HOST -p PORT -U USER NAME`, with only the parts the URL sets apart from the defaults. */
function postgresCommand(tool: 'createdb' | 'createuser', url: URL, name: string): string {
  const words: string[] = [tool];
  if (url.hostname && url.hostname !== 'localhost') words.push('-h', url.hostname);
  if (url.port && url.port !== '5432') words.push('-p', url.port);
  if (tool === 'createdb' && url.username) words.push('-U', decodeURIComponent(url.username));
  words.push(name);
  return words.join(' ');
}

/** A file the user named that cannot be read: missing, a folder, or not readable by this user. */
export function describeFileFailure(error: unknown, t: Translate): string | undefined {
  const { code, path } = (error ?? {}) as SystemError;
  const key = code ? FILE_CODES[code] : undefined;
  return key && path ? t(key, { path: resolve(path), code: code! }) : undefined;
}

/**
 * Why an input the command names (argument `file`, `files`, or `path`, which may be a folder) cannot
 * be read, checked before the command starts any work; undefined when all can be.
 */
function unreadableInput(command: Command, t: Translate): string | undefined {
  const names = command.registeredArguments.map((argument) => argument.name());
  for (const [at, value] of command.processedArgs.entries()) {
    const name = names[at];
    if (name !== 'file' && name !== 'files' && name !== 'path') continue;
    for (const path of [value].flat() as string[]) {
      try {
        if (statSync(path).isDirectory() && name !== 'path') return t('cli.fileIsFolder', { path: resolve(path) });
        accessSync(path, constants.R_OK);
      } catch (error) {
        const line = describeFileFailure(error, t);
        if (line) return line;
        throw error;
      }
    }
  }
  return undefined;
}

/** Says why the start failed on standard error and ends the process with 1; the stack goes to the debug log. */
export function exitOnStartupFailure(error: unknown, config: Config, log: Logger): never {
  log.debug({ err: error }, 'start failed');
  process.stderr.write(`${describeStartupFailure(error, config)}\n`);
  process.exit(1);
}

/**
 * What any sub-command that fails says: one line with the fix (the stack only at LOG_LEVEL=debug),
 * then exit 1. Call it once in the CLI shell; it reads the --config the failed command was given.
 */
export function commandFailureReporter(program: Command): (error: unknown) => never {
  let configFile: string | undefined;
  program.hook('preAction', (_program, command) => {
    configFile = command.opts<{ config?: string }>().config;
    const unreadable = unreadableInput(command, translator(configOrDefaults(configFile).locale));
    if (unreadable) exitWith(unreadable);
  });
  return (error) => {
    const config = configOrDefaults(configFile);
    const t = translator(config.locale);
    const line = describeFileFailure(error, t) ?? describeKnownFailure(error, config, t) ?? t('cli.failed', { reason: redactSecrets(messageOf(error), secretsOf(config)) });
    const debug = config.log.level === 'debug' || config.log.level === 'trace';
    exitWith(debug ? `${line}\n${redactSecrets(String((error as Error)?.stack ?? error), secretsOf(config))}` : line);
  };
}

function exitWith(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function configOrDefaults(file: string | undefined): Config {
  try {
    return loadConfig({ file, env: process.env });
  } catch {
    return loadConfig({ env: {} });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
