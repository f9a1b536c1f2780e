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
