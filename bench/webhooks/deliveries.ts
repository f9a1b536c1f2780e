import { Webhooks } from '@octokit/webhooks';
import { examplesOf } from '../../test/helpers/webhook-examples.js';

/** A real example payload as GitHub would send it, signed once before any timing. */
export interface SignedDelivery {
  event: string;
  body: string;
  /** The body as bytes, for the load generator. */
  bytes: Buffer;
  signature: string;
}

export const BENCH_SECRET = 'osschat-bench-webhook-secret';
export const BENCH_REPO = 'osschat-bench/webhooks';
export const WEBHOOK_PATH = '/webhooks/github';

const MIX = [['issues', 'opened'], ['issue_comment', 'created'], ['pull_request', 'opened'], ['release', 'published']] as const;

/** Every example of the mix, retargeted at BENCH_REPO, interleaved so consecutive deliveries differ in kind. */
export async function signedDeliveries(secret = BENCH_SECRET): Promise<SignedDelivery[]> {
  const webhooks = new Webhooks({ secret });
  const sets = MIX.map(([event, action]) => examplesOf(event, action).map((payload) => ({ event, body: retarget(payload) })));
  const longest = Math.max(...sets.map((set) => set.length));
  const interleaved = Array.from({ length: longest }, (_, index) => sets.flatMap((set) => set[index] ?? [])).flat();
  return Promise.all(interleaved.map(async ({ event, body }) => ({ event, body, bytes: Buffer.from(body), signature: await webhooks.sign(body) })));
}

function retarget(example: Record<string, unknown>): string {
  const payload = structuredClone(example) as { repository: { full_name: string } };
  payload.repository.full_name = BENCH_REPO;
  return JSON.stringify(payload);
}

/** Unique X-GitHub-Delivery ids: no delivery of a run is a redelivery. */
export function deliveryIds(prefix: string): () => string {
  let next = 0;
  return () => `${prefix}-${next++}`;
}
