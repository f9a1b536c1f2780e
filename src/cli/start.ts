import { createApp } from '../main.js';
import { roleRefusal, type Role } from '../core/roles/role-plan.js';
import { dialectOf } from '../store/open-store.js';
import { configOrExit, loggerFor } from './shared.js';
import { watchConfig, type ConfigWatch } from '../config/reload-watch.js';
import { exitOnStartupFailure } from './startup-failure.js';
import { printClaimCode } from './admins.js';

export interface StartOptions {
  config?: string;
  chat?: 'wechaty' | 'stdio';
  role?: Role;
}

export async function startCommand(options: StartOptions): Promise<void> {
  const config = configOrExit(options.config);
  const role = options.role ?? 'all';
  if (role !== 'all' && dialectOf(config.database.url) === 'sqlite') {
    process.stderr.write(`${roleRefusal(role)}\n`);
    process.exit(2);
  }
  const log = loggerFor(config);
  let exiting: Promise<void> | undefined;
  let reloads: ConfigWatch | undefined;
  const exit = (reason: string, drainMs = 0, code = 0) =>
    (exiting ??= (async () => {
      log.info({ reason }, 'shutting down');
      reloads?.close();
      // A database gone while stopping is a failed stop (exit 1), said in one log line, not a crash trace.
      const stopped = await app.stop({ drainMs }).then(() => true, (error: unknown) => (log.error({ err: error }, 'stop failed'), false));
      process.exit(stopped ? code : code || 1);
    })());
  const app = await createApp({ config, log, chat: options.chat, role, onFatal: (reason) => void exit(reason, 0, 1) }).catch((error: unknown) =>
    exitOnStartupFailure(error, config, log),
  );
  // SIGHUP and edits of the file reload what can change live (faq, rooms, locale, dashboard admins).
  reloads = watchConfig({ file: options.config, env: process.env, apply: (next) => app.reconfigure(next), log });
  process.once('SIGINT', () => void exit('SIGINT'));
  process.once('SIGTERM', () => void exit('SIGTERM'));
  await app.start().catch(async (error: unknown) => {
    await app.stop().catch(() => undefined);
    exitOnStartupFailure(error, config, log);
  });
  // Printed once the start has succeeded: a failed start says only its one line.
  // While the bot has no admin, whoever says the code printed here becomes its first (issue 16, §1).
  if (role === 'all' || role === 'chat') await printClaimCode(app.store, config).catch((error: unknown) => exitOnStartupFailure(error, config, log));
  await app.finished();
  // At the end of stdio input, retries due within a few seconds still run before exiting.
  await exit('end of input', 10_000);
}
