import { Webhooks } from '@octokit/webhooks';
import { silentLogger } from '../../src/core/logger.js';
import { DeliveryAcceptor } from '../../src/core/notify/delivery-acceptor.js';
import { createGitHubWebhookReceiver } from '../../src/forge/github/webhook-receiver.js';
import { seconds } from '../measure.js';
import { BENCH_SECRET, deliveryIds, type SignedDelivery } from './deliveries.js';
import { DIGEST_AT, SUBSCRIBED_ROOMS, subscribedStore, verifyStored } from './store-fixture.js';

type Work = (delivery: SignedDelivery, id: string) => Promise<void>;

/** One way of taking in a verified delivery, opened on a fresh file at `path`. */
export interface LoopVariant {
  name: string;
  open(path: string): Promise<{ work: Work; close(handled: number): Promise<void> }>;
}

/** The bare limit: what any receiver must do, verify the signature and parse the body. */
export const bareVerifyParse: LoopVariant = {
  name: 'bare: Webhooks.verify + JSON.parse',
  async open() {
    const webhooks = new Webhooks({ secret: BENCH_SECRET });
    const work: Work = async ({ body, signature }) => {
      if (!(await webhooks.verify(body, signature))) throw new Error('bare verify refused a signed body');
      JSON.parse(body);
    };
    return { work, close: async () => undefined };
  },
};

/** Ours: the webhook route's work without HTTP, receiver (verify + map) then the DeliveryAcceptor into SQLite. */
export const ourAcceptPath: LoopVariant = {
  name: 'OSSChat: receiver + DeliveryAcceptor',
  async open(path) {
    const store = await subscribedStore(path);
    const receive = createGitHubWebhookReceiver(BENCH_SECRET);
    const acceptor = new DeliveryAcceptor(store, { digestAt: () => DIGEST_AT }, silentLogger);
    const work: Work = async ({ body, signature, event }, id) => {
      const received = await receive({ body, signature, event, delivery: id });
      if (received.kind !== 'verified' || received.mapped.kind !== 'event') throw new Error(`${event} ${id} was not taken as an event: ${JSON.stringify(received)}`);
      const accepted = await acceptor.accept({ kind: 'event', name: received.name, deliveryId: received.deliveryId, event: received.mapped.event });
      if (accepted.status !== 'accepted' || accepted.rooms !== SUBSCRIBED_ROOMS) throw new Error(`${id}: ${JSON.stringify(accepted)}`);
    };
    return { work, close: async (handled) => (await acceptor.drain(), await store.close(), verifyStored(path, handled)) };
  },
};

/** Seconds to push `count` deliveries through `variant`, `inFlight` at a time (1: await each in turn). */
export async function timeLoop(variant: LoopVariant, path: string, count: number, inFlight: number, deliveries: readonly SignedDelivery[]): Promise<number> {
  const { work, close } = await variant.open(path);
  const nextId = deliveryIds(path);
  const at = (index: number) => deliveries[index % deliveries.length]!;
  const elapsed = await seconds(() => (inFlight === 1 ? sequential(count, (index) => work(at(index), nextId())) : pool(count, inFlight, (index) => work(at(index), nextId()))));
  await close(count);
  return elapsed;
}

async function sequential(count: number, one: (index: number) => Promise<void>): Promise<void> {
  for (let index = 0; index < count; index++) await one(index);
}

/** `inFlight` workers draw indexes from one counter until `count` are taken: always `inFlight` pending, no race over a set. */
async function pool(count: number, inFlight: number, one: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await one(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}
