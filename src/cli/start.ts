import { createApp } from '../main.js';
import { configOrExit, loggerFor } from './shared.js';

export interface StartOptions {
  config?: string;
  chat?: 'wechaty' | 'stdio';
}

export async function startCommand(options: StartOptions): Promise<void> {
  const config = configOrExit(options.config);
  const log = loggerFor(config);
  const app = await createApp({ config, log, chat: options.chat });
  const exit = async (reason: string, drainMs = 0) => {
    log.info({ reason }, 'shutting down');
    await app.stop({ drainMs });
    process.exit(0);
  };
  process.once('SIGINT', () => void exit('SIGINT'));
  process.once('SIGTERM', () => void exit('SIGTERM'));
  await app.start();
  await app.finished();
  // At the end of stdio input, retries due within a few seconds still run before exiting.
  await exit('end of input', 10_000);
}
