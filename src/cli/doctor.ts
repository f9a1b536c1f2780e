import { runChecks } from './doctor-checks.js';

export async function doctorCommand(options: { config?: string }): Promise<void> {
  const checks = await runChecks(options.config, process.env);
  for (const check of checks) {
    const fix = check.fix ? `\n       fix: ${check.fix}` : '';
    process.stdout.write(`${check.status.padEnd(5)}  ${check.name.padEnd(9)} ${check.detail}${fix}\n`);
  }
  const failed = checks.filter((check) => check.status === 'fail').length;
  process.stdout.write(failed ? `\n${failed} check(s) failed\n` : '\nall checks passed\n');
  process.exitCode = failed ? 1 : 0;
}
