import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/osschat.js', import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built `osschat` CLI with a clean environment plus `env` (as another user when `as` says so). */
export function spawnCli(args: string[], env: Record<string, string>, as: { uid?: number; gid?: number } = {}): { child: ChildProcessWithoutNullStreams; done: Promise<Finished> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', OSSCHAT_CONFIG: '', PORT: '0', LOG_LEVEL: 'info', ...env },
    ...as,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export async function runCli(args: string[], env: Record<string, string>, input = ''): Promise<Finished> {
  const { child, done } = spawnCli(args, env);
  child.stdin.end(input);
  return done;
}

/** Resolves with the first stderr match of `pattern` (e.g. the log line with the web URL). */
export function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        child.stderr.off('data', onData);
        resolve(match);
      }
    };
    child.stderr.on('data', onData);
    child.once('close', () => reject(new Error(`exited before printing ${pattern}: ${seen}`)));
  });
}
