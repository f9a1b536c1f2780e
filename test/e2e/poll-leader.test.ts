import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { spawnCli, waitForOutput } from '../helpers/cli.js';
import { freshPostgresStore, postgresAvailable } from '../helpers/databases.js';

const available = await postgresAvailable('polling in a scale-out deployment');
const REPO = 'octo/hello';

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const polls = (github: GitHubServer) => github.requests.filter((request) => request.path === `/repos/${REPO}/events`);

describe.runIf(available)('polling in a scale-out deployment (PostgreSQL, built CLI)', () => {
  const children: ChildProcessWithoutNullStreams[] = [];
  const servers: GitHubServer[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    for (const server of servers.splice(0)) await server.close();
  });

  /** Each process talks to a GitHub of its own, so the requests tell which process polled. */
  async function start(role: string, url: string, config: string) {
    const github = await createGitHubServer({ repos: [REPO], pollIntervalSeconds: 0 });
    servers.push(github);
    const { child } = spawnCli(['start', '--role', role, '--chat', 'stdio'], { DATABASE_URL: url, OSSCHAT_CONFIG: config, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' });
    children.push(child);
    let said = '';
    child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    return { child, github, said: () => said };
  }

  it('only the process leading the chat polls; the standby takes over from the stored cursor', async () => {
    const { store, url, cleanup } = await freshPostgresStore();
    try {
      const config = join(mkdtempSync(join(tmpdir(), 'osschat-poll-leader-')), 'osschat.yaml');
      writeFileSync(config, 'github: { poll: 200ms }\nnotify: { minIntervalMs: 0 }\noutbox: { pollMs: 50 }\n');
      const room = await store.rooms.upsert({ platform: 'stdio', externalId: 'r1', kind: 'group', topic: 'r1' });
      await store.subscriptions.upsert({ roomId: room.id, repo: REPO, features: ['issues'], filters: {} });

      const leader = await start('all', url, config);
      await waitForOutput(leader.child, /chat: leading/);
      await until(() => polls(leader.github).length > 0, 'the leader to poll');
      const standby = await start('all', url, config);
      await waitForOutput(standby.child, /waiting as standby/);
      const worker = await start('worker', url, config);
      await waitForOutput(worker.child, /"role":"worker"/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(polls(leader.github).length).toBeGreaterThan(3);
      expect(polls(standby.github)).toEqual([]);
      expect(polls(worker.github)).toEqual([]);

      leader.child.kill('SIGKILL');
      await waitForOutput(standby.child, /chat: leading/);
      await until(() => polls(standby.github).length > 0, 'the new leader to poll');
      // The cursor the first leader stored (an empty list's ETag): the same list is a 304.
      expect(polls(standby.github)[0]).toMatchObject({ status: 304, headers: { 'if-none-match': expect.stringMatching(/^W\//) } });
      standby.github.state.addIssue(REPO, { title: 'after the takeover', user: 'alice' });
      await until(() => standby.said().includes('after the takeover'), 'the new leader to notify');
      expect(polls(worker.github)).toEqual([]);
    } finally {
      await cleanup();
    }
  }, 60_000);
});
