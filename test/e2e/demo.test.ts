import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run demo` as a newcomer runs it, typed into through a pipe; its whole process group is stopped after the test. */
function startDemo(args: string[] = []) {
  const child = spawn('npm', ['run', '--silent', 'demo', '--', ...args], { cwd: ROOT, detached: true, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  // SIGTERM first: the demo then removes its data folder, as after Ctrl-C.
  running.push(async () => {
    signal('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    signal('SIGKILL');
  });
  return {
    type: (line: string) => void child.stdin.write(`${line}\n`),
    end: () => (child.stdin.end(), exited),
    stdout: () => stdout,
    stderr: () => stderr,
    /** Resolves with the first match of `pattern` in what the demo printed, within `ms`. */
    async waitFor(pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
      for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        const match = stdout.match(pattern);
        if (match) return match;
      }
      throw new Error(`no ${pattern} within ${ms} ms; stdout:\n${stdout}\nstderr:\n${stderr}`);
    },
  };
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(running.splice(0).map((stop) => stop()))));

describe('npm run demo: terminal chat + GitHub sandbox, nothing else', () => {
  it('files an issue from two typed lines and 以上两条开工单 within a minute, the link opens it, and it cleans up', async () => {
    const started = Date.now();
    const demo = startDemo();
    const api = (await demo.waitFor(/sandbox GitHub API \(GITHUB_API_URL\)\s+(http:\/\/127\.0\.0\.1:\d+)/, 60_000))[1]!;
    const dataDir = (await demo.waitFor(/removed at exit[^)]*\)\s+(\S+)/, 1000))[1]!;
    demo.type('升级到 2.0 以后启动失败');
    demo.type('日志里是 Error: cannot find module sqlite');
    demo.type('以上两条开工单');
    const said = await demo.waitFor(/OSSChat › 已创建工单 #1：(.+)\n\s+(http:\/\/127\.0\.0\.1:\d+\/demo\/sandbox\/issues\/1)\n/, 60_000);
    expect(Date.now() - started).toBeLessThan(60_000);

    demo.type('#1 评论：在 2.0.1 也能复现');
    await demo.waitFor(/OSSChat › 已评论 #1：/, 30_000);

    const page = await fetch(said[2]!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(said[1]);
    expect(html).toContain('日志里是 Error: cannot find module sqlite');
    expect(html).toContain('在 2.0.1 也能复现');
    const state = (await (await fetch(`${api}/_fake/state`)).json()) as { issues: { repo: string; title: string; body: string }[]; violations: unknown[] };
    expect(state.issues.map((i) => [i.repo, i.title])).toEqual([['demo/sandbox', said[1]]]);
    expect(state.issues[0]!.body).toContain('升级到 2.0 以后启动失败');
    expect(state.violations).toEqual([]);

    expect(await demo.end()).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  }, 90_000);

  it('speaks English with --locale en and says why an option is wrong', async () => {
    const demo = startDemo(['--locale', 'en']);
    await demo.waitFor(/sandbox GitHub API/, 60_000);
    demo.type('the installer hangs on step 3');
    demo.type('/issue 1');
    await demo.waitFor(/OSSChat › Opened issue #1: the installer hangs on step 3\n\s+http:\/\/127\.0\.0\.1:\d+\/demo\/sandbox\/issues\/1\n/, 60_000);
    expect(await demo.end()).toBe(0);

    const wrong = startDemo(['--locale', 'fr']);
    expect(await wrong.end()).toBe(2);
    expect(wrong.stderr()).toBe('--locale: expected zh-CN or en, got fr\n');
  }, 90_000);
});
