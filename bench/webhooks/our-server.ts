import { silentLogger } from '../../src/core/logger.js';
import { DeliveryAcceptor } from '../../src/core/notify/delivery-acceptor.js';
import { createGitHubWebhookReceiver } from '../../src/forge/github/webhook-receiver.js';
import { openStore } from '../../src/store/open-store.js';
import { createWebApp } from '../../src/web/app.js';
import { listen } from '../../src/web/server.js';
import type { BenchServer } from './bench-server.js';
import { BENCH_SECRET, WEBHOOK_PATH } from './deliveries.js';
import { DIGEST_AT } from './store-fixture.js';

/** Our web app as src/main.ts wires it (real receiver, the group-committing DeliveryAcceptor on the SQLite file at `path`), logging off. */
export async function startOurServer(path: string): Promise<BenchServer> {
  const store = await openStore(path);
  const acceptor = new DeliveryAcceptor(store, { digestAt: () => DIGEST_AT }, silentLogger);
  const app = createWebApp({
    health: { pingDatabase: () => store.ping(), chatState: () => 'ready' },
    webhooks: {
      path: WEBHOOK_PATH,
      receive: createGitHubWebhookReceiver(BENCH_SECRET),
      accept: (delivery) => acceptor.accept(delivery),
      wake: () => undefined,
      log: silentLogger,
    },
  });
  const server = await listen(app, '127.0.0.1', 0);
  return { url: `${server.url}${WEBHOOK_PATH}`, handled: () => undefined, close: async () => (await server.close(), await acceptor.drain(), await store.close()) };
}
