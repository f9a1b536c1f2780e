import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/osschat.js', import.meta.url));
const SOURCE = [fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url)), fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))];

export interface Say {
  room?: string;
  user?: string;
  text: string;
  replyTo?: string;
}

/** The real `osschat start --chat stdio`, restartable; every say line of every run is kept. */
export class BotProcess {
  readonly says: Say[] = [];
  url = '';
  starts = 0;
  /** When the latest start began (epoch ms). */
  startedAt = 0;
  kills = 0;
  /** Exits nobody asked for (a crash, a fatal error): each is a failure of the run. */
  unasked = 0;
  private stopping = false;
  private child: ChildProcessWithoutNullStreams | undefined;
  private exited: Promise<number | null> = Promise.resolve(0);
  private stderrTail = '';
  /** Where the bot's logs of every run go, for a post-mortem. */
  stderrLog: { write(chunk: string): void } | undefined;

  /** `fromSource`: run src/ through tsx instead of the build (when dist/ cannot be built). */
  constructor(private readonly env: Record<string, string>, private readonly fromSource = false) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the bot and resolves once its web server listens. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, [...(this.fromSource ? SOURCE : [BIN]), 'start', '--chat', 'stdio'], {
      // info: the web server's address is logged at that level.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', OSSCHAT_CONFIG: '', PORT: '0', LOG_LEVEL: 'info', ...this.env },
    });
    this.child = child;
    this.starts++;
    this.startedAt = Date.now();
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) this.says.push(JSON.parse(line) as Say);
    });
    child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
    child.on('close', () => {
      if (this.stopping || this.child !== child) return;
      this.unasked++;
      this.child = undefined;
    });
    this.url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        seen += chunk;
        this.stderrTail = (this.stderrTail + chunk).slice(-4000);
        this.stderrLog?.write(chunk);
        const match = /"url":"(http:\/\/[^"]+)"/.exec(seen);
        if (match) resolve(match[1]!);
      });
      child.once('close', () => reject(new Error(`bot exited before listening: ${seen.slice(-2000)}`)));
    });
  }

  write(line: object): void {
    this.child?.stdin.write(`${JSON.stringify(line)}\n`);
  }

  async kill(): Promise<void> {
    if (!this.child) return;
    this.stopping = true;
    this.child.kill('SIGKILL');
    this.kills++;
    await this.exited;
    this.child = undefined;
    this.stopping = false;
  }

  /** Ends standard input: the bot runs what is due and exits; resolves with its exit code. */
  async end(): Promise<number | null> {
    if (!this.child) return 0;
    this.stopping = true;
    this.child.stdin.end();
    const code = await this.exited;
    this.child = undefined;
    this.stopping = false;
    return code;
  }

  get lastErrors(): string {
    return this.stderrTail;
  }
}
