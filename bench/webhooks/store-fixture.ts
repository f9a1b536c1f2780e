import Database from 'better-sqlite3';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { BENCH_REPO } from './deliveries.js';

export const SUBSCRIBED_ROOMS = 3;
/** No fixture subscription is a digest, so the accept path never reads this clock: a constant keeps it out of the timing. */
export const DIGEST_AT = new Date(Date.now() + 86_400_000);

/** A fresh SQLite file store where SUBSCRIBED_ROOMS rooms follow every feature of BENCH_REPO. */
export async function subscribedStore(path: string): Promise<Store> {
  const store = await openStore(path);
  for (let index = 0; index < SUBSCRIBED_ROOMS; index++) {
    const room = await store.rooms.upsert({ platform: 'bench', externalId: `room-${index}`, kind: 'group', topic: `bench room ${index}` });
    await store.subscriptions.upsert({ roomId: room.id, repo: BENCH_REPO, features: ['issues', 'pulls', 'releases', 'comments'], filters: {} });
  }
  return store;
}

/** What the accept path left in the file: recorded deliveries and queued notification jobs. */
export function storedCounts(path: string): { deliveries: number; jobs: number } {
  const db = new Database(path, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { deliveries: count('deliveries'), jobs: count('outbox') };
  } finally {
    db.close();
  }
}

/** Throws unless every delivery in [min, max] was recorded with one job per subscribed room. */
export function verifyStored(path: string, min: number, max = min): void {
  const { deliveries, jobs } = storedCounts(path);
  if (deliveries < min || deliveries > max) throw new Error(`expected ${min}..${max} recorded deliveries in ${path}, found ${deliveries}`);
  if (jobs !== deliveries * SUBSCRIBED_ROOMS) throw new Error(`expected ${deliveries * SUBSCRIBED_ROOMS} notification jobs, found ${jobs}`);
}
