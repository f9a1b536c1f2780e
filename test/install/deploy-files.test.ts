import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, waitForOutput } from '../helpers/cli.js';
import { ROOT } from './packed-install.js';

const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;
if (!hasSystemd) console.warn('SKIPPED the systemd unit check: systemd-analyze is not installed (apt-get install systemd).');

/** The shipped unit with ExecStart pointing at this checkout's CLI (verify insists the program exists). */
function unitHere(): string {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-unit-'));
  const unit = readFileSync(join(ROOT, 'deploy/osschat.service'), 'utf8');
  expect(unit).toMatch(/^ExecStart=\/usr\/local\/bin\/osschat start$/m);
  writeFileSync(join(dir, 'osschat.service'), unit.replace(/^ExecStart=\S+/m, `ExecStart=${join(ROOT, 'bin/osschat.js')}`));
  return join(dir, 'osschat.service');
}

describe.skipIf(!hasSystemd)('deploy/osschat.service', () => {
  it('passes systemd-analyze verify with nothing to say (unknown keys and bad values are only warnings there)', () => {
    const result = spawnSync('systemd-analyze', ['verify', unitHere()], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is hardened: systemd rates its exposure below 2 (of 10)', () => {
    const out = execFileSync('systemd-analyze', ['security', '--offline=true', '--no-pager', unitHere()], { encoding: 'utf8' });
    const level = Number(out.match(/Overall exposure level for osschat\.service: ([\d.]+)/)?.[1]);
    expect(level).toBeLessThan(2);
  });
});

describe('deploy/ecosystem.config.cjs (pm2)', () => {
  const { apps } = createRequire(import.meta.url)(join(ROOT, 'deploy/ecosystem.config.cjs')) as {
    apps: { script: string; args: string[]; cwd: string; exec_mode: string; instances: number; env: Record<string, string>; kill_timeout: number }[];
  };

  it('runs one process of bin/osschat.js start from the checkout', () => {
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ script: join(ROOT, 'bin/osschat.js'), args: ['start'], cwd: ROOT.replace(/\/$/, ''), exec_mode: 'fork', instances: 1 });
  });

  it('the command pm2 runs starts the bot, and pm2 stop (SIGINT) ends it cleanly within kill_timeout', async () => {
    const app = apps[0]!;
    const data = mkdtempSync(join(tmpdir(), 'osschat-pm2-'));
    // The stdio adapter instead of WeChat; everything else as the app says.
    const { child, done } = spawnCli([...app.args, '--chat', 'stdio'], { ...app.env, OSSCHAT_CONFIG: '', DATABASE_URL: join(data, 'osschat.db') });
    await waitForOutput(child, /web server listening/);
    const stopped = Date.now();
    child.kill('SIGINT');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(app.kill_timeout);
  });
});
