import { createRequire } from 'node:module';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { redactSecrets } from '../logging/redact.js';

export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

export async function runChecks(file: string | undefined, env: Record<string, string | undefined>): Promise<Check[]> {
  let config: Config;
  try {
    config = loadConfig({ file, env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [{ name: 'config', status: 'fail', detail: `${error.key}: ${error.problem}`, fix: error.fix }];
  }
  const source = file ?? env.OSSCHAT_CONFIG;
  const checks: Check[] = [{ name: 'config', status: 'ok', detail: source ? `${source} is valid` : 'no config file; every key has its default' }];
  checks.push(await checkDatabase(config), checkForge(config), checkWebhookSecret(config), checkPuppet(config));
  return checks;
}

async function checkDatabase(config: Config): Promise<Check> {
  const where = redactSecrets(config.database.url);
  try {
    const store = await openStore(config.database.url, { migrate: false });
    try {
      await store.ping();
      const pending = await store.pendingMigrations();
      if (pending.length === 0) return { ...(await checkOutbox(store)), detail: `${store.dialect} at ${where}, migrated; ${(await checkOutbox(store)).detail}` };
      return { name: 'database', status: 'fail', detail: `${where}: ${pending.length} migration(s) not applied (${pending.join(', ')})`, fix: 'run `osschat start` once: it migrates the database on start' };
    } finally {
      await store.close();
    }
  } catch (error) {
    return { name: 'database', status: 'fail', detail: `${where}: ${redactSecrets((error as Error).message)}`, fix: 'check DATABASE_URL (database.url) and that the server is running' };
  }
}

/** Jobs that failed for good stay in the outbox with their reason: a person should look. */
async function checkOutbox(store: Store): Promise<Check> {
  const counts = await store.outbox.counts();
  const summary = `outbox: ${counts.pending} pending, ${counts.running} running, ${counts.done} done, ${counts.failed} failed`;
  if (counts.failed === 0) return { name: 'database', status: 'ok', detail: summary };
  const failed = await store.outbox.list('failed');
  const last = failed[failed.length - 1]!;
  return { name: 'database', status: 'warn', detail: `${summary}; last failure: job ${last.id} (${last.kind}): ${redactSecrets(last.lastError ?? '')}`, fix: 'read the reason; fix what it names (credentials, repository); the group was told' };
}

function checkForge(config: Config): Check {
  const { token, appId } = config.github;
  if (token) return { name: 'github', status: 'ok', detail: `token set; API ${config.github.apiUrl}` };
  if (appId) return { name: 'github', status: 'ok', detail: `GitHub App ${appId}; API ${config.github.apiUrl}` };
  return { name: 'github', status: 'fail', detail: 'no GitHub credentials: issues cannot be opened', fix: 'set GITHUB_TOKEN (or github.appId + github.privateKey)' };
}

function checkWebhookSecret(config: Config): Check {
  if (config.github.webhookSecret) return { name: 'webhooks', status: 'ok', detail: 'webhook secret set' };
  return { name: 'webhooks', status: 'warn', detail: 'no webhook secret: GitHub events will be refused', fix: 'set GITHUB_WEBHOOK_SECRET to the secret of the repository or App webhook' };
}

function checkPuppet(config: Config): Check {
  const { puppet } = config.chat.wechaty;
  try {
    createRequire(import.meta.url).resolve(puppet);
    return { name: 'wechaty', status: 'ok', detail: `puppet ${puppet} installed` };
  } catch {
    return { name: 'wechaty', status: 'fail', detail: `puppet ${puppet} is not installed`, fix: `npm install ${puppet}, or set WECHATY_PUPPET to an installed puppet` };
  }
}
