import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresStore, postgresAvailable } from '../helpers/databases.js';
import { runCli, spawnCli, waitForOutput } from '../helpers/cli.js';
import type { Store } from '../../src/store/store.js';

const available = await postgresAvailable('osschat start --role');
const message = (id: string, text: string) =>
  JSON.stringify({ type: 'message', id, room: { id: 'r1', topic: 'Roles' }, from: { id: 'u1', name: '张三' }, text, ts: new Date().toISOString() });

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function texts(store: Store): Promise<string[]> {
  const room = await store.rooms.findByExternalId('stdio', 'r1');
  return room ? (await store.messages.recent(room.id, 100)).map((m) => m.text) : [];
}

function collect(stream: NodeJS.ReadableStream): { text: string } {
  const seen = { text: '' };
  stream.on('data', (chunk: Buffer) => (seen.text += chunk.toString()));
  return seen;
}

describe('osschat start --role on SQLite', () => {
  it('refuses roles other than all with the reason and the fix', async () => {
    const result = await runCli(['start', '--role', 'worker'], { DATABASE_URL: ':memory:' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--role worker needs PostgreSQL (DATABASE_URL=postgres://…)');
  });
});

describe.runIf(available)('osschat start --role on PostgreSQL (built CLI)', () => {
  const children: ChildProcessWithoutNullStreams[] = [];
  const start = (role: string, url: string) => {
    const { child, done } = spawnCli(['start', '--role', role, '--chat', 'stdio'], { DATABASE_URL: url });
    children.push(child);
    return { child, done, out: collect(child.stdout), log: collect(child.stderr) };
  };
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('one chat process leads; the standby takes over when the leader is killed', async () => {
    const { store, url, cleanup } = await freshPostgresStore();
    try {
      const leader = start('chat', url);
      await waitForOutput(leader.child, /chat: leading/);
      const standby = start('chat', url);
      await waitForOutput(standby.child, /waiting as standby/);
      standby.child.stdin.write(`${message('m2', 'to the standby')}\n`);
      leader.child.stdin.write(`${message('m1', 'to the leader')}\n`);
      await until(async () => (await texts(store)).includes('to the leader'), 'the leader to record');
      const room = (await store.rooms.findByExternalId('stdio', 'r1'))!;
      await store.outbox.enqueue({ kind: 'chat.say', payload: { room: 'r1', text: 'said by the leader' }, idempotencyKey: 'say-1', roomId: room.id });
      await until(() => leader.out.text.includes('said by the leader'), 'the leader to speak');
      expect(await texts(store)).not.toContain('to the standby');

      leader.child.kill('SIGKILL');
      await waitForOutput(standby.child, /chat: leading/);
      await until(async () => (await texts(store)).includes('to the standby'), 'the new leader to read its input');
      await store.outbox.enqueue({ kind: 'chat.say', payload: { room: 'r1', text: 'said by the new leader' }, idempotencyKey: 'say-2', roomId: room.id });
      await until(() => standby.out.text.includes('said by the new leader'), 'the new leader to speak');
      expect(standby.out.text).not.toContain('said by the leader"');
      standby.child.stdin.end();
      expect((await standby.done).code).toBe(0);
    } finally {
      await cleanup();
    }
  }, 60_000);

  it('two all processes: the second serves the web and waits; it leads once the first stops cleanly', async () => {
    const { url, cleanup } = await freshPostgresStore();
    try {
      const first = start('all', url);
      await until(() => first.log.text.includes('chat: leading'), 'the first to lead');
      const second = start('all', url);
      await until(() => second.log.text.includes('waiting as standby') && second.log.text.includes('web server listening'), 'the second to wait');
      const webUrl = second.log.text.match(/"url":"(http:\/\/[^"]+)"/)![1];
      expect(await (await fetch(`${webUrl}/healthz`)).json()).toMatchObject({ status: 'ok', chat: 'idle' });
      first.child.kill('SIGTERM');
      expect((await first.done).code).toBe(0);
      await until(() => second.log.text.includes('chat: leading'), 'the second to lead');
      expect(await (await fetch(`${webUrl}/healthz`)).json()).toMatchObject({ status: 'ok', chat: 'ready' });
      second.child.stdin.end();
      expect((await second.done).code).toBe(0);
    } finally {
      await cleanup();
    }
  }, 60_000);

  it('splits the bot over chat, worker and web processes: the worker runs the command, the chat process says the reply', async () => {
    const { store, url, cleanup } = await freshPostgresStore();
    try {
      const chat = start('chat', url);
      const worker = start('worker', url);
      const web = start('web', url);
      await until(() => chat.log.text.includes('chat: leading') && worker.log.text.includes('"role":"worker"') && web.log.text.includes('web server listening'), 'the three processes');
      const webUrl = web.log.text.match(/"url":"(http:\/\/[^"]+)"/)![1];
      chat.child.stdin.write(`${message('m1', '/bind')}\n`);
      await until(() => chat.out.text.includes('"type":"say"'), 'the reply to /bind');
      expect(JSON.parse(chat.out.text.trim().split('\n')[0]!)).toMatchObject({ type: 'say', room: 'r1', replyTo: 'm1' });
      expect((await store.outbox.list()).map((job) => [job.kind, job.status])).toEqual([['command', 'done'], ['chat.say', 'done']]);
      expect((await fetch(`${webUrl}/healthz`)).status).toBe(200);
      for (const child of [worker.child, web.child]) child.kill('SIGTERM');
      chat.child.stdin.end();
      expect((await Promise.all([chat.done, worker.done, web.done])).map((result) => result.code)).toEqual([0, 0, 0]);
    } finally {
      await cleanup();
    }
  }, 60_000);
});
