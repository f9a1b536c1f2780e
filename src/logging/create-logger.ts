import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';
import { redactSecrets, SECRET_KEYS } from './redact.js';

export interface LoggerOptions {
  level: string;
  /** Secret values from the configuration: scrubbed from every line, wherever they appear. */
  secrets?: readonly string[];
  /** Where lines go; standard error by default, because stdout carries the stdio protocol. */
  destination?: { write(line: string): unknown };
  /** Human-readable lines instead of JSON (for a terminal). */
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions): PinoLogger {
  const target = options.destination ?? (options.pretty ? pretty({ destination: 2, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) : pino.destination({ dest: 2, sync: true }));
  const secrets = [...(options.secrets ?? [])];
  const scrubbing: DestinationStream = { write: (line: string) => target.write(redactSecrets(line, secrets)) };
  return pino(
    {
      level: options.level,
      redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: '[redacted]' },
    },
    scrubbing,
  );
}
