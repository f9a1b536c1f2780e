import type { Config } from '../config/schema.js';
import type { Logger } from '../core/logger.js';
import type { Forge } from './forge.js';
import { createGitHubForge } from './github/github-forge.js';

/** The forge the configuration gives credentials for, or undefined when it gives none. */
export function forgeFromConfig(config: Config, log: Logger): Forge | undefined {
  const { token, appId, privateKey, apiUrl, retries, retryBaseMs, timeoutMs, lateWriteMs } = config.github;
  const app = appId && privateKey ? { appId, privateKey } : undefined;
  if (!token && !app) return undefined;
  return createGitHubForge({ apiUrl, token, app, retries, retryAfterBaseValue: retryBaseMs, timeoutMs, lateWriteMs, log: log.child({ forge: 'github' }) });
}
