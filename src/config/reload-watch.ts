import { watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Logger } from '../core/logger.js';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load.js';
import type { ConfigChange } from './reload.js';
import type { Config } from './schema.js';

export interface ConfigWatchOptions {
  /** The file given with --config; else OSSCHAT_CONFIG from `env`, as `loadConfig` reads it. */
  file?: string;
  env: Record<string, string | undefined>;
  /** Takes a valid new configuration (the running app's `reconfigure`). */
  apply(next: Config): Promise<ConfigChange>;
  log: Logger;
  /** Quiet time after the last change of the file before it is read (editors write in several steps). */
  debounceMs?: number;
}

export interface ConfigWatch {
  /** Reads and applies the configuration now (what SIGHUP does). */
  reload(reason: string): Promise<void>;
  close(): void;
}

/**
 * Reloads the configuration on SIGHUP and when its file changes. The new file is validated first: an invalid
 * one is refused with its one-line error and the running configuration stays. The directory is watched, not the
 * file, so an editor that saves by replacing the file is still seen.
 */
export function watchConfig(options: ConfigWatchOptions): ConfigWatch {
  const { log, env } = options;
  const file = options.file ?? (env.OSSCHAT_CONFIG || undefined);
  let queue = Promise.resolve();
  const reload = (reason: string) => (queue = queue.then(() => reloadOnce(options, file, reason)));
  const onHangUp = () => void reload('SIGHUP');
  process.on('SIGHUP', onHangUp);
  const watcher = file ? watchFile(file, options.debounceMs ?? 300, () => void reload('file changed'), log) : undefined;
  return {
    reload,
    close() {
      process.off('SIGHUP', onHangUp);
      watcher?.close();
    },
  };
}

async function reloadOnce(options: ConfigWatchOptions, file: string | undefined, reason: string): Promise<void> {
  const { log } = options;
  let next: Config;
  try {
    next = loadConfig({ ...(file ? { file } : {}), env: options.env });
  } catch (error) {
    const problem = error instanceof ConfigError ? error.message : String(error);
    log.error({ reason }, `configuration not reloaded, the running one stays: ${problem}`);
    return;
  }
  const change = await options.apply(next).catch((error: unknown) => (log.error({ reason, err: error }, 'configuration not reloaded: applying it failed'), undefined));
  if (!change) return;
  const { applied, needRestart } = change;
  if (applied.length === 0 && needRestart.length === 0) return log.info({ reason }, 'configuration reloaded: nothing changed');
  const restart = needRestart.length ? `; needs a restart to take effect: ${needRestart.join(', ')}` : '';
  log.info({ reason, applied, needRestart }, `configuration reloaded: ${applied.length ? `applied ${applied.join(', ')}` : 'nothing applied'}${restart}`);
}

function watchFile(file: string, debounceMs: number, changed: () => void, log: Logger): { close(): void } | undefined {
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  try {
    // Not persistent: watching never keeps the process alive by itself.
    const watcher = watch(dirname(resolve(file)), { persistent: false }, (_event, changedName) => {
      if (changedName !== null && changedName !== name) return;
      clearTimeout(timer);
      timer = setTimeout(changed, debounceMs);
    });
    watcher.on('error', (error) => log.warn({ err: error }, 'configuration file watch stopped; send SIGHUP to reload'));
    return { close: () => (clearTimeout(timer), watcher.close()) };
  } catch (error) {
    log.warn({ err: error, file }, 'cannot watch the configuration file; send SIGHUP to reload');
    return undefined;
  }
}
