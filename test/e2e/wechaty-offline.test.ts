import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

/** A local port nothing listens on: every proxied request to the WeChat servers is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Step {
  msg: string;
  attempt: number;
  retryInMs: number;
  reason: string;
  hint: string;
}

describe('osschat start --chat wechaty without network (built CLI, real wechaty-puppet-wechat4u)', () => {
  it('logs one line per backoff step, with the reason and the hint, and no stack trace', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'osschat-offline-'));
    const proxy = `http://127.0.0.1:${await closedPort()}`;
    const child = spawn(process.execPath, [BIN, 'start', '--chat', 'wechaty'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, OSSCHAT_CONFIG: '', PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: join(cwd, 'osschat.db'), HTTPS_PROXY: proxy, HTTP_PROXY: proxy, https_proxy: proxy, http_proxy: proxy },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const steps = () => stderr.split('\n').filter((line) => line.includes('"wechat: cannot log in')).map((line) => JSON.parse(line) as Step);
    const started = Date.now();
    while (steps().length < 3 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 200));
    // Between steps the bot waits: no step may come early, whatever the puppet does meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const seen = steps();
    expect(seen.length, stderr).toBeGreaterThanOrEqual(3);
    expect(seen.length, stderr).toBeLessThanOrEqual(4);
    expect(seen.map((step) => step.attempt)).toEqual(seen.map((_, at) => at + 1));
    for (const step of seen) {
      expect(step.msg).toMatch(/^wechat: cannot log in \(.*ECONNREFUSED.*\); trying again in \d+ s$/);
      expect(step.hint).toBe('cannot reach the WeChat servers: check the network, or choose another puppet with WECHATY_PUPPET');
    }
    expect(seen[2]!.retryInMs).toBeGreaterThan(seen[0]!.retryInMs * 2);
    expect(stderr).not.toMatch(/\n\s+at |"stack"/);
    expect(stderr).not.toContain('puppet error');
  }, 40_000);
});
