import type { OutboxJob } from '../../store/store.js';
import type { JobHandler } from '../outbox/worker.js';
import type { OutgoingMessage } from '../types.js';

/** Sends what the bot says; a chat outage is retried by the outbox. */
export function sayJob(send: (message: OutgoingMessage) => Promise<void>): JobHandler {
  return { run: (job: OutboxJob) => send(job.payload as OutgoingMessage) };
}
