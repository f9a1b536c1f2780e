import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface DemoBot {
  /** The bot's web server (health, archive, report), once it listens. */
  webUrl: Promise<string>;
  send(jsonLine: string): void;
  /** Each line the bot writes on stdout (its `say` lines). */
  onLine(listener: (line: string) => void): void;
  /** Its exit code, when it exits. */
  exited: Promise<number | null>;
  /** Ends its input: it runs the jobs that are due and exits. */
  end(): Promise<number | null>;
}

/**
 * `osschat start --chat stdio` from the sources (as `npm start` runs it), its log in `logFile`.
 * The demo talks to it over the stdio protocol only, as any bridge would.
 */
export function startDemoBot(env: Record<string, string>, logFile: string): DemoBot {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start', '--chat', 'stdio'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
  });
  const log = createWriteStream(logFile);
  child.stderr.pipe(log);
  child.stdin.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const webUrl = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stderr });
    lines.on('line', (line) => {
      const url = line.match(/"url":"(http:\/\/[^"]+)"/)?.[1];
      if (url && line.includes('web server listening')) resolve(url);
    });
    void exited.then((code) => reject(new Error(`the bot exited (code ${code}) before its web server listened`)));
  });
  webUrl.catch(() => undefined);
  const stdout = createInterface({ input: child.stdout });
  return {
    webUrl,
    exited,
    send: (line) => void child.stdin.write(`${line}\n`),
    onLine: (listener) => void stdout.on('line', listener),
    end: () => (child.stdin.end(), exited),
  };
}
