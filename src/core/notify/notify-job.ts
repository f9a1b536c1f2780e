import type { OutboxJob, Store } from '../../store/store.js';
import { Deferred } from '../outbox/deferred.js';
import type { JobHandler } from '../outbox/worker.js';
import type { Locale, OutgoingMessage, Room } from '../types.js';
import type { ForgeEvent } from './forge-event.js';
import { renderDigest, renderEvent } from './render-event.js';
import type { RoomRateLimit } from './room-rate-limit.js';

export interface NotifyDeps {
  store: Store;
  limiter: RoomRateLimit;
  localeOf: (room: Room) => Locale;
  send: (message: OutgoingMessage) => Promise<void>;
}

const eventOf = (job: OutboxJob) => (job.payload as { event: ForgeEvent }).event;

/** A few waiting notifications go out one by one, spaced by the limit; a backlog beyond this is folded. */
const FOLD_ABOVE = 3;

/**
 * Delivers a forge event to one room, in order, within the room's rate limit. When more
 * notifications wait than the limit lets through, they are folded into one digest message.
 * Kind `digest`: events held for a daily or weekly summary, all sent as one message when due.
 */
export function notifyJob(deps: NotifyDeps, kind: 'notify' | 'digest' = 'notify'): JobHandler {
  return {
    async run(job) {
      const { store, limiter } = deps;
      if ((await store.outbox.get(job.id))?.status === 'done') return; // folded into an earlier message
      const room = await store.rooms.findById(job.roomId!);
      if (!room) return;
      const now = Date.now();
      const allowed = limiter.nextAllowed(room.id, now);
      if (allowed > now) throw new Deferred(new Date(allowed));
      const waiting = await store.outbox.waitingOfRoom(room.id, kind);
      const due = waiting.filter((other) => other.id !== job.id && (kind === 'notify' || other.nextAttemptAt.getTime() <= now));
      const others = kind === 'digest' || due.length + 1 > FOLD_ABOVE ? due : [];
      const text = others.length > 0 || kind === 'digest' ? fold([job, ...others], deps.localeOf(room)) : await single(deps, room, eventOf(job));
      await deps.send(room.kind === 'direct' ? { room: room.externalId.replace(/^dm:/, ''), text, direct: true } : { room: room.externalId, text });
      limiter.record(room.id, Date.now());
      await store.outbox.fold(others.map((other) => other.id), job.id);
    },
  };
}

async function single(deps: NotifyDeps, room: Room, event: ForgeEvent): Promise<string> {
  const links = event.number ? await deps.store.issueLinks.findByIssue(event.repo, event.number) : [];
  return renderEvent(event, deps.localeOf(room), { fromThisRoom: links.some((link) => link.roomId === room.id) });
}

function fold(jobs: OutboxJob[], locale: Locale): string {
  const byRepo = new Map<string, ForgeEvent[]>();
  for (const event of jobs.map(eventOf)) byRepo.set(event.repo, [...(byRepo.get(event.repo) ?? []), event]);
  return [...byRepo].map(([repo, events]) => renderDigest(repo, events, locale)).join('\n\n');
}
