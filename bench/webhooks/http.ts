import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ChildMessage } from './bench-server.js';
import { deliveryIds, type SignedDelivery } from './deliveries.js';
import { CONNECTIONS, load, type LoadResult } from './load.js';
import { subscribedStore, verifyStored } from './store-fixture.js';

/** A server under test: which child to start and the status every accepted delivery gets. */
export interface HttpVariant {
  name: string;
  kind: 'ours' | 'probot' | 'floor';
  /** Probot answers 200 "ok"; a 202 from Probot would mean its handlers timed out. */
  status: number;
}

export const probotVariant: HttpVariant = { name: 'Probot 14: createNodeMiddleware, no-op handlers', kind: 'probot', status: 200 };
export const ourVariant: HttpVariant = { name: 'OSSChat: Hono app + receiver + DeliveryAcceptor', kind: 'ours', status: 202 };
/** Not a target: shows how close to the floor any verifying receiver can get on this machine. */
export const floorVariant: HttpVariant = { name: 'reference: node:http + verify + JSON.parse', kind: 'floor', status: 202 };

export interface HttpPlan {
  warmUpSeconds: number;
  rounds: number;
  roundSeconds: number;
}

interface Running {
  variant: HttpVariant;
  child: ChildProcess;
  url: string;
  path: string;
  nextId: () => string;
  answered: number;
  results: LoadResult[];
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/**
 * Every variant runs in its own child process, all started up front; the load goes to one at a
 * time, round after round, so drift in the machine's speed hits them alike.
 */
export async function measureHttp(variants: readonly HttpVariant[], dir: string, deliveries: readonly SignedDelivery[], plan: HttpPlan): Promise<LoadResult[]> {
  const running: Running[] = [];
  try {
    for (const variant of variants) running.push(await start(variant, dir, deliveries[0]!));
    for (const server of running) await loadOnce(server, deliveries, plan.warmUpSeconds);
    for (const server of running) server.results = [];
    for (let round = 0; round < plan.rounds; round++) {
      for (const server of running) server.results.push(await loadOnce(server, deliveries, plan.roundSeconds));
    }
    for (const server of running) await finish(server);
    return running.map((server) => combine(server.results));
  } finally {
    for (const server of running) server.child.kill();
  }
}

async function start(variant: HttpVariant, dir: string, probeWith: SignedDelivery): Promise<Running> {
  const path = `${dir}/http-${variant.kind}.sqlite`;
  if (variant.kind === 'ours') await (await subscribedStore(path)).close();
  const child = fork(CHILD, variant.kind === 'ours' ? ['ours', path] : [variant.kind], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const server: Running = { variant, child, url: '', path, nextId: deliveryIds(`http-${variant.kind}`), answered: 0, results: [] };
  server.url = await ready(child);
  await probe(server.url, probeWith, server.nextId(), variant.status);
  server.answered = 1;
  return server;
}

async function loadOnce(server: Running, deliveries: readonly SignedDelivery[], seconds: number): Promise<LoadResult> {
  const result = await load(server.url, deliveries, server.nextId, seconds, server.variant.status);
  server.answered += result.ok;
  return result;
}

/** Stops the child and checks it handled every answered delivery (ours: recorded, with a job per room). */
async function finish(server: Running): Promise<void> {
  const handled = await stop(server.child);
  // autocannon drops its connections at the end of a run: a request per connection may be handled but unanswered.
  const most = server.answered + CONNECTIONS * (server.results.length + 1);
  if (server.variant.kind === 'ours') return verifyStored(server.path, server.answered, most);
  if (handled === null || handled < server.answered || handled > most) throw new Error(`${server.variant.name} handled ${handled} deliveries for ${server.answered} answered`);
}

function combine(results: readonly LoadResult[]): LoadResult {
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const p50s = results.map((result) => result.p50).sort((a, b) => a - b);
  return { ok: sum((result) => result.ok), seconds: sum((result) => result.seconds), p50: p50s[Math.floor(p50s.length / 2)]!, p99: Math.max(...results.map((result) => result.p99)) };
}

async function ready(child: ChildProcess): Promise<string> {
  const exited = once(child, 'exit').then(([code]) => Promise.reject(new Error(`server child exited with ${code}`)));
  const [message] = (await Promise.race([once(child, 'message'), exited])) as [ChildMessage];
  if (!('ready' in message)) throw new Error(`unexpected message from the server child: ${JSON.stringify(message)}`);
  return message.ready;
}

async function stop(child: ChildProcess): Promise<number | null> {
  const stopped = once(child, 'message');
  child.send('stop');
  const [message] = (await stopped) as [ChildMessage];
  if (!('stopped' in message)) throw new Error(`unexpected message from the server child: ${JSON.stringify(message)}`);
  return message.stopped;
}

/** A server that does not check signatures would look fast for the wrong reason: a tampered signature must be refused. */
async function probe(url: string, delivery: SignedDelivery, id: string, status: number): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-github-event': delivery.event, 'x-github-delivery': id };
  const forged = await fetch(url, { method: 'POST', body: delivery.body, headers: { ...headers, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` } });
  await forged.arrayBuffer();
  if (forged.status < 400 || forged.status >= 500) throw new Error(`${url} answered a forged signature with ${forged.status}`);
  const signed = await fetch(url, { method: 'POST', body: delivery.body, headers: { ...headers, 'x-hub-signature-256': delivery.signature } });
  const text = await signed.text();
  if (signed.status !== status) throw new Error(`${url} answered a signed delivery with ${signed.status}: ${text}`);
}
