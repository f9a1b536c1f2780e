import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, waitForOutput } from '../helpers/cli.js';
import { payloadFor, signedHeaders } from '../helpers/webhook-examples.js';

const SECRET = 'cli-webhook-secret';

function setup(notify = '{ minIntervalMs: 0 }'): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-webhooks-cli-'));
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, `admins: [admin]\nnotify: ${notify}\noutbox: { retryBaseMs: 50 }\n`);
  return { OSSCHAT_CONFIG: config, DATABASE_URL: join(dir, 'osschat.db'), GITHUB_WEBHOOK_SECRET: SECRET };
}

const chat = (id: string, room: string, text: string) =>
  `${JSON.stringify({ type: 'message', id, room: { id: room, topic: room }, from: { id: 'admin', name: 'Admin' }, text })}\n`;

const issueOpened = (labels: string[]) =>
  payloadFor('issues', 'opened', (p) => {
    p.repository.full_name = 'octo/hello';
    p.issue.labels = labels.map((name, id) => ({ id, node_id: `L${id}`, url: '', name, color: 'fff', default: false, description: null }));
  });

async function deliver(url: string, id: string, body: string, event = 'issues'): Promise<number> {
  const response = await fetch(`${url}/webhooks/github`, { method: 'POST', body, headers: await signedHeaders(SECRET, event, id, body) });
  return response.status;
}

const saysIn = (stdout: string, room: string) =>
  stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { room: string; text: string }).filter((say) => say.room === room);

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('GitHub webhooks through the CLI (--chat stdio)', () => {
  it('brings a signed delivery to the subscribed room only, through its label filter', async () => {
    const env = setup();
    const { child, done } = spawnCli(['start', '--chat', 'stdio'], env);
    let stdout = '';
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    const [, url] = await waitForOutput(child, /"url":"(http:\/\/[^"]+)"/);
    child.stdin.write(chat('m1', 'bugs', '/subscribe octo/hello +label:bug') + chat('m2', 'quiet', '你好'));
    await until(() => saysIn(stdout, 'bugs').length === 1);
    expect(saysIn(stdout, 'bugs')[0]!.text).toContain('octo/hello');
    expect(await deliver(url!, 'd1', issueOpened(['docs']))).toBe(202);
    expect(await deliver(url!, 'd2', issueOpened(['bug']))).toBe(202);
    expect(await deliver(url!, 'd2', issueOpened(['bug']))).toBe(200);
    await until(() => saysIn(stdout, 'bugs').length === 2);
    child.stdin.end();
    const result = await done;
    expect(result.code).toBe(0);
    const notes = saysIn(stdout, 'bugs').slice(1);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toMatch(/^\[octo\/hello\]/);
    expect(saysIn(stdout, 'quiet')).toEqual([]);
  });

  it('folds a flood of deliveries into a digest message instead of posting a burst', async () => {
    const env = setup('{ minIntervalMs: 300 }');
    const { child, done } = spawnCli(['start', '--chat', 'stdio'], env);
    let stdout = '';
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    const [, url] = await waitForOutput(child, /"url":"(http:\/\/[^"]+)"/);
    child.stdin.write(chat('m1', 'busy', '/subscribe octo/hello'));
    await until(() => saysIn(stdout, 'busy').length === 1);
    for (let i = 0; i < 8; i++) expect(await deliver(url!, `flood-${i}`, issueOpened([]))).toBe(202);
    child.stdin.end();
    await done;
    const notes = saysIn(stdout, 'busy').slice(1);
    const events = notes.map((note) => Number(/(\d+) 条新动态/.exec(note.text)?.[1] ?? 1));
    expect(events.reduce((a, b) => a + b, 0)).toBe(8);
    expect(notes.length).toBeLessThanOrEqual(3);
  });

  it('delivers exactly once when killed after the 202 and before the send', async () => {
    const env = setup('{ minIntervalMs: 4000 }');
    const first = spawnCli(['start', '--chat', 'stdio'], env);
    let stdout = '';
    first.child.stdout.on('data', (chunk: string) => (stdout += chunk));
    const [, url] = await waitForOutput(first.child, /"url":"(http:\/\/[^"]+)"/);
    first.child.stdin.write(chat('m1', 'room', '/subscribe octo/hello'));
    await until(() => saysIn(stdout, 'room').length === 1); // the subscription reply
    expect(await deliver(url!, 'before-crash', issueOpened([]))).toBe(202);
    await until(() => saysIn(stdout, 'room').length === 2);
    // The room's rate limit now holds the next notification for 4 s: kill in between.
    expect(await deliver(url!, 'crash-1', payloadFor('release', 'published', (p) => (p.repository.full_name = 'octo/hello')), 'release')).toBe(202);
    first.child.kill('SIGKILL');
    await first.done;
    expect(saysIn(stdout, 'room')).toHaveLength(2);
    const second = await runCli(['start', '--chat', 'stdio'], env, '');
    expect(second.code).toBe(0);
    const delivered = saysIn(second.stdout, 'room');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toMatch(/^\[octo\/hello\].*(发布|release)/);
  });
});
