import { createRequire } from 'node:module';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { translator, type Translate } from '../core/i18n/translate.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { redactSecrets } from '../logging/redact.js';
import { checkGitHub } from './doctor-github.js';
import { checkPublicUrl } from './doctor-public-url.js';
import { boundRepos, type RepoUse } from './doctor-repos.js';
import { secretsOf } from './shared.js';
import { describeKnownFailure } from './startup-failure.js';

export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  /** What was found and, when it is not ok, the fix: one line. */
  detail: string;
}

export async function runChecks(file: string | undefined, env: Record<string, string | undefined>): Promise<Check[]> {
  let config: Config;
  try {
    config = loadConfig({ file, env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [{ name: 'config', status: 'fail', detail: `${error.key}: ${error.problem} — ${error.fix}` }];
  }
  const t = translator(config.locale);
  const source = file ?? env.OSSCHAT_CONFIG;
  const checks: Check[] = [{ name: 'config', status: 'ok', detail: source ? t('doctor.config.file', { source }) : t('doctor.config.none') }];
  const { check, repos } = await checkDatabase(config, t);
  checks.push(check, ...(await checkGitHub(config, repos, t)), checkWebhookSecret(config, t), ...(await checkPublicUrl(config, t)), checkPuppet(config, t));
  return checks;
}

/** The database, and the repositories bound there (with those of the configuration). */
async function checkDatabase(config: Config, t: Translate): Promise<{ check: Check; repos: Map<string, RepoUse> }> {
  const where = redactSecrets(config.database.url);
  let store: Store;
  try {
    store = await openStore(config.database.url, { migrate: false });
    await store.ping();
  } catch (error) {
    // The line a failed start prints (createdb NAME, the refused role…), without its "database: " label.
    const known = describeKnownFailure(error, config, t)?.replace(/^database: /, '');
    const detail = known ?? t('doctor.database.failed', { where, reason: redactSecrets((error as Error).message ?? String(error), secretsOf(config)) });
    return { check: { name: 'database', status: 'fail', detail }, repos: await boundRepos(config, undefined) };
  }
  try {
    const pending = await store.pendingMigrations();
    if (pending.length > 0) {
      return { check: { name: 'database', status: 'fail', detail: t('doctor.database.unmigrated', { where, count: pending.length, names: pending.join(', ') }) }, repos: await boundRepos(config, undefined) };
    }
    return { check: await checkOutbox(store, config, t), repos: await boundRepos(config, store) };
  } finally {
    await store.close();
  }
}

/** Jobs that failed for good stay in the outbox with their reason: a person should look. */
async function checkOutbox(store: Store, config: Config, t: Translate): Promise<Check> {
  const counts = await store.outbox.counts();
  const summary = t('doctor.database.ok', { dialect: store.dialect, where: redactSecrets(config.database.url), ...counts });
  if (counts.failed === 0) return { name: 'database', status: 'ok', detail: summary };
  const failed = await store.outbox.list('failed');
  const last = failed[failed.length - 1]!;
  const reason = redactSecrets(last.lastError ?? '', secretsOf(config));
  return { name: 'database', status: 'warn', detail: t('doctor.database.failedJob', { summary, id: last.id, kind: last.kind, reason }) };
}

function checkWebhookSecret(config: Config, t: Translate): Check {
  if (config.github.webhookSecret) return { name: 'webhooks', status: 'ok', detail: t('doctor.webhooks.ok') };
  return { name: 'webhooks', status: 'warn', detail: t('doctor.webhooks.none') };
}

function checkPuppet(config: Config, t: Translate): Check {
  const { puppet } = config.chat.wechaty;
  try {
    createRequire(import.meta.url).resolve(puppet);
    return { name: 'wechaty', status: 'ok', detail: t('doctor.puppet.ok', { puppet }) };
  } catch {
    return { name: 'wechaty', status: 'fail', detail: t('doctor.puppet.missing', { puppet }) };
  }
}
