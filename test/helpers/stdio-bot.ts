import type { Store } from '../../src/store/store.js';
import { spawnCli, waitForOutput, type Finished } from './cli.js';

export const ROOM = { id: 'r1', topic: 'OSSChat 开发者群' };

/** The built `osschat start --chat stdio`, with its web server, driven line by line. */
export async function startStdioBot(env: Record<string, string>) {
  const { child, done } = spawnCli(['start', '--chat', 'stdio'], env);
  let exited = false;
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer | string) => (stdout += chunk.toString()));
  void done.then(() => (exited = true));
  child.stderr.on('data', (chunk: Buffer | string) => (stderr += chunk.toString()));
  const url = (await waitForOutput(child, /"url":"(http:\/\/[^"]+)"/))[1]!;
  let clock = Date.UTC(2026, 10, 24, 2, 0, 0);
  return {
    url,
    done,
    get exited() {
      return exited;
    },
    /** Everything the bot logged so far. */
    stderr: () => stderr,
    /** Everything the bot said so far (JSON Lines). */
    stdout: () => stdout,
    /** Writes one chat message; returns its id. */
    say(id: string, text: string, from = { id: 'u1', name: '张三' }): string {
      clock += 1000;
      child.stdin.write(`${JSON.stringify({ type: 'message', id, room: ROOM, from, text, ts: new Date(clock).toISOString() })}\n`);
      return id;
    },
    /** The /healthz status code, or 0 when it does not answer within `ms`. */
    async health(ms = 3000): Promise<number> {
      return fetch(`${url}/healthz`, { signal: AbortSignal.timeout(ms) }).then((r) => r.status, () => 0);
    },
    end(): Promise<Finished> {
      child.stdin.end();
      return done;
    },
    kill: () => child.kill('SIGKILL'),
    /** Sends the process a signal (SIGHUP: reload the configuration). */
    signal: (name: NodeJS.Signals) => child.kill(name),
  };
}

/** The platform ids of the room's messages people wrote, in the order they were stored (row ids). */
export async function storedIds(store: Store): Promise<string[]> {
  const room = await store.rooms.findByExternalId('stdio', ROOM.id);
  const rows: { id: number; platformMsgId: string }[] = [];
  if (room) for await (const m of store.messages.streamRoom(room.id)) if (!m.isSelf) rows.push(m);
  return rows.sort((a, b) => a.id - b.id).map((m) => m.platformMsgId);
}

/** Polls until `check` holds or `ms` pass; returns whether it held. */
export async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (await check().catch(() => false)) return true;
  }
  return false;
}
