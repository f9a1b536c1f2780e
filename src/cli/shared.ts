import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createLogger } from '../logging/create-logger.js';

/** Loads the configuration; a ConfigError ends the process with its one line on stderr. */
export function configOrExit(file: string | undefined): Config {
  try {
    return loadConfig({ file, env: process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

export function secretsOf(config: Config): string[] {
  const { github, chat, database } = config;
  const password = database.url.match(/:\/\/[^:/@]+:([^@]+)@/)?.[1];
  return [github.token, github.privateKey, github.webhookSecret, chat.wechaty.token, password].filter((value): value is string => Boolean(value));
}

export function loggerFor(config: Config) {
  return createLogger({ level: config.log.level, secrets: secretsOf(config), pretty: process.stderr.isTTY === true });
}

/**
 * Output piped into a reader that stops early (`osschat export … | head -1`) ends the process
 * quietly with 0, as the reader asked, instead of an EPIPE stack trace. Installed once, in the CLI shell.
 */
export function endQuietlyOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}
