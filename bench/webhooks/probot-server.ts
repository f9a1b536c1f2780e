import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import pino from 'pino';
import { createNodeMiddleware, Probot } from 'probot';
import { listenBenchServer, type BenchServer } from './bench-server.js';
import { BENCH_SECRET, WEBHOOK_PATH } from './deliveries.js';

const EVENTS = ['issues.opened', 'issue_comment.created', 'pull_request.opened', 'release.published'] as const;

/** A minimal Probot app: verifies signatures, runs a no-op handler per event of the mix, answers 200. */
export async function startProbotServer(): Promise<BenchServer> {
  let handled = 0;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const probot = new Probot({ appId: 1, privateKey, secret: BENCH_SECRET, log: pino({ level: 'silent' }) });
  const middleware = await createNodeMiddleware((app) => void app.on([...EVENTS], async () => void (handled += 1)), { probot, webhooksPath: WEBHOOK_PATH });
  const server = createServer((request, response) => void middleware(request, response, () => response.writeHead(404).end()));
  return listenBenchServer(server, WEBHOOK_PATH, () => handled);
}
