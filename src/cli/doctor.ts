import { loadConfig } from '../config/load.js';
import { translator } from '../core/i18n/translate.js';
import type { Locale } from '../core/types.js';
import { runChecks } from './doctor-checks.js';

/** One line per check; exit 1 when any check failed. */
export async function doctorCommand(options: { config?: string }): Promise<void> {
  const checks = await runChecks(options.config, process.env);
  for (const check of checks) process.stdout.write(`${check.status.padEnd(5)}  ${check.name.padEnd(9)} ${check.detail}\n`);
  const failed = checks.filter((check) => check.status === 'fail').length;
  const t = translator(localeOf(options.config));
  process.stdout.write(`\n${failed ? t('doctor.failed', { count: failed }) : t('doctor.passed')}\n`);
  process.exitCode = failed ? 1 : 0;
}

/** The configured language; a configuration that does not load is reported in English, as its error is. */
function localeOf(file: string | undefined): Locale {
  try {
    return loadConfig({ file, env: process.env }).locale;
  } catch {
    return 'en';
  }
}
