import { createServer } from 'node:http';
import { Webhooks } from '@octokit/webhooks';
import { listenBenchServer, type BenchServer } from './bench-server.js';
import { BENCH_SECRET, WEBHOOK_PATH } from './deliveries.js';

/** The floor over HTTP: node:http reading the body, Webhooks.verify and JSON.parse, nothing else; answers 202. */
export async function startFloorServer(): Promise<BenchServer> {
  let handled = 0;
  const webhooks = new Webhooks({ secret: BENCH_SECRET });
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const signature = request.headers['x-hub-signature-256'];
    if (request.url !== WEBHOOK_PATH || typeof signature !== 'string' || !(await webhooks.verify(body, signature).catch(() => false))) return void response.writeHead(401).end();
    JSON.parse(body);
    handled += 1;
    response.writeHead(202, { 'content-type': 'text/plain' }).end('accepted\n');
  });
  return listenBenchServer(server, WEBHOOK_PATH, () => handled);
}
