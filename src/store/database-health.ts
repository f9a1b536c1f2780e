import type { Store } from './store.js';

const ANSWER_WITHIN_MS = 2000;

/**
 * The database part of /healthz: fails at once while writes fail for a known reason (a full disk
 * answers reads but takes no message), and fails when the database does not answer within
 * `timeoutMs`, so the check never hangs. The error message is for the log, not the response.
 */
export async function checkDatabase(store: Store, timeoutMs = ANSWER_WITHIN_MS): Promise<void> {
  const outage = store.currentOutage?.();
  if (outage) throw new Error(outage.advice);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database: no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([store.ping(), late]);
  } finally {
    clearTimeout(timer);
  }
}
