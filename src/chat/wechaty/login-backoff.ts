import type { Wechaty } from 'wechaty';

export interface BackoffLog {
  warn(obj: object, msg: string): void;
}

export interface BackoffSchedule {
  /** Wait before the first retry, in milliseconds; each next one waits twice as long. */
  firstMs: number;
  /** The longest wait. */
  maxMs: number;
}

export const LOGIN_BACKOFF: BackoffSchedule = { firstMs: 1_000, maxMs: 300_000 };

const NETWORK = /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|socket hang up|timeout|网络错误/i;
export const OFFLINE_HINT = 'cannot reach the WeChat servers: check the network, or choose another puppet with WECHATY_PUPPET';

/** The wait before retry `attempt` (1, 2, …): doubling from firstMs up to maxMs, less up to a fifth at random. */
export function backoffDelay(attempt: number, schedule: BackoffSchedule, random: () => number = Math.random): number {
  const full = Math.min(schedule.maxMs, schedule.firstMs * 2 ** (attempt - 1));
  return Math.round(full * (1 - random() * 0.2));
}

/** A puppet error that means the WeChat servers could not be reached. */
export function isNetworkError(error: unknown): boolean {
  return NETWORK.test(error instanceof Error ? error.message : String(error));
}

// Errors a backoff step has already told: the adapter does not log them again.
const told = new WeakSet<object>();

/** Whether the login backoff has said this error in its step line. */
export function toldByLoginBackoff(error: unknown): boolean {
  return typeof error === 'object' && error !== null && told.has(error);
}

/** The part of wechat4u the pacing needs: its `start()`, which begins a login. */
interface LoginStarter {
  start(): unknown;
}

/**
 * wechaty-puppet-wechat4u starts a new login the moment one fails, forever: offline, that is a busy
 * loop with an error every few milliseconds. This makes each start that follows a network failure
 * wait (1 s, 2 s, 4 s … 5 min), with one log line per step saying why and what to check. A scan
 * code or a login resets the steps. Puppets without wechat4u inside keep their own retries.
 */
export function paceLoginRetries(wechaty: Wechaty, log: BackoffLog, schedule: BackoffSchedule = LOGIN_BACKOFF): void {
  const paced = new WeakSet<LoginStarter>();
  let attempt = 0;
  let failure: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const pace = (starter: LoginStarter) => {
    const start = starter.start.bind(starter);
    starter.start = () => {
      if (failure === undefined) return start();
      attempt += 1;
      const delay = backoffDelay(attempt, schedule);
      log.warn({ attempt, retryInMs: delay, reason: failure, hint: OFFLINE_HINT }, `wechat: cannot log in (${failure}); trying again in ${Math.ceil(delay / 1000)} s`);
      failure = undefined;
      clearTimeout(timer);
      timer = setTimeout(start, delay);
      return undefined;
    };
    paced.add(starter);
  };

  // The puppet reports the failure before it starts again: the next start is the one to hold back.
  wechaty.on('error', (error) => {
    if (!isNetworkError(error) || wechaty.isLoggedIn) return;
    const starter = (wechaty.puppet as { wechat4u?: LoginStarter }).wechat4u;
    if (!starter || typeof starter.start !== 'function') return;
    if (!paced.has(starter)) pace(starter);
    failure = firstLine(error);
    if (typeof error === 'object' && error !== null) told.add(error);
  });
  const reset = () => {
    attempt = 0;
    failure = undefined;
  };
  wechaty.on('scan', reset);
  wechaty.on('login', reset);
  wechaty.on('stop', () => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
