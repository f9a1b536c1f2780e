import type { ForgeEvent } from '../../core/notify/forge-event.js';
import type { EventCursor, EventPoll } from '../forge.js';
import type { GitHubClient } from './github-client.js';
import { mapGitHubError } from './map-error.js';
import type { Json } from './map-json.js';
import { exhaustedUntil, pollIntervalMs, rateLimitedUntil, type Headers } from './poll-headers.js';
import { type RepoEvent, mapPolledEvent, pullNumberOf } from './poll-map-event.js';

const PER_PAGE = 100;
// GitHub lists at most 300 events of a repository, of the last 30 days.
const MAX_PAGES = 3;

export interface PollCall {
  client: GitHubClient;
  /** owner/name */
  repo: string;
  timeoutMs: number;
  now?: () => number;
}

interface RequestErrorLike {
  status?: number;
  response?: { headers?: Headers };
}

/**
 * Polls `GET /repos/{owner}/{repo}/events` with the cursor's ETag (If-None-Match: an unchanged list
 * is a 304, free of rate limit), reads further pages back to the cursor, and maps what is new as
 * webhooks are mapped. A rate limit is an answer (when to try again), not an error.
 */
export async function pollRepoEvents(call: PollCall, cursor: EventCursor | undefined, since: Date): Promise<EventPoll> {
  const now = call.now ?? Date.now;
  let first: { data: RepoEvent[]; headers: Headers };
  try {
    first = await listPage(call, 1, cursor?.etag);
  } catch (error) {
    return unchangedOrLimited(error, call.repo, now());
  }
  const minIntervalMs = pollIntervalMs(first.headers);
  const lastEventId = first.data[0]?.id ?? cursor?.lastEventId ?? '0';
  const etag = typeof first.headers.etag === 'string' ? first.headers.etag : undefined;
  const fresh = cursor ? await newerThan(call, first.data, cursor.lastEventId).catch(rethrow(call.repo)) : { listed: createdSince(first.data, since), gap: false };
  return {
    changed: true,
    events: await mapAll(call, fresh.listed.reverse()),
    cursor: { lastEventId, ...(etag ? { etag } : {}) },
    ...(minIntervalMs !== undefined ? { minIntervalMs } : {}),
    ...(fresh.gap ? { gap: true } : {}),
    ...withUntil(exhaustedUntil(first.headers)),
  };
}

async function listPage(call: PollCall, page: number, etag?: string): Promise<{ data: RepoEvent[]; headers: Headers }> {
  const [owner = '', repo = ''] = call.repo.split('/');
  const response = await call.client.request('GET /repos/{owner}/{repo}/events', {
    owner, repo, per_page: PER_PAGE, page,
    headers: etag ? { 'if-none-match': etag } : {},
    request: { retries: 0, signal: AbortSignal.timeout(call.timeoutMs) },
  });
  return { data: response.data as unknown as RepoEvent[], headers: response.headers as Headers };
}

function unchangedOrLimited(error: unknown, repo: string, now: number): EventPoll {
  const headers = (error as RequestErrorLike).response?.headers;
  if ((error as RequestErrorLike).status === 304) {
    const minIntervalMs = pollIntervalMs(headers);
    return { changed: false, events: [], ...(minIntervalMs !== undefined ? { minIntervalMs } : {}) };
  }
  const mapped = mapGitHubError(error, `poll the events of ${repo}`);
  if (mapped.code !== 'forge-rate-limited') throw mapped;
  return { changed: false, events: [], rateLimitedUntil: rateLimitedUntil(headers, now) };
}

const rethrow = (repo: string) => (error: unknown): never => {
  throw mapGitHubError(error, `poll the events of ${repo}`);
};

const withUntil = (until: Date | undefined) => (until ? { rateLimitedUntil: until } : {});

/** True when event id `a` is later than `b` (GitHub's ids are growing decimal numbers). */
function isNewer(a: string, b: string): boolean {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return BigInt(a) > BigInt(b);
  return a.length === b.length ? a > b : a.length > b.length;
}

/** The listed events newer than `last`, reading older pages while a whole page is newer. */
async function newerThan(call: PollCall, firstPage: RepoEvent[], last: string): Promise<{ listed: RepoEvent[]; gap: boolean }> {
  const listed: RepoEvent[] = [];
  let page = firstPage;
  for (let number = 1; ; number += 1) {
    const newer = page.filter((event) => isNewer(event.id, last));
    listed.push(...newer);
    if (newer.length < page.length || page.length < PER_PAGE) return { listed, gap: false };
    if (number === MAX_PAGES) return { listed, gap: true };
    page = (await listPage(call, number + 1)).data;
  }
}

/** On a repository's first poll: only what happened since it was subscribed to is news (GitHub's times have whole seconds). */
function createdSince(listed: RepoEvent[], since: Date): RepoEvent[] {
  const from = Math.floor(since.getTime() / 1000) * 1000;
  return listed.filter((event) => event.created_at !== null && Date.parse(event.created_at) >= from);
}

/** Maps events oldest first; the pull requests they need are read once each. */
async function mapAll(call: PollCall, listed: RepoEvent[]): Promise<ForgeEvent[]> {
  const pulls = new Map<number, Promise<Json | undefined>>();
  const events: ForgeEvent[] = [];
  for (const event of listed) {
    const number = pullNumberOf(event);
    if (number !== undefined && !pulls.has(number)) pulls.set(number, fetchPull(call, number));
    const mapped = mapPolledEvent(event, number === undefined ? undefined : await pulls.get(number));
    if (mapped) events.push(mapped);
  }
  return events;
}

/** The pull request as it is now; undefined when it is gone (its events are then skipped). */
async function fetchPull(call: PollCall, number: number): Promise<Json | undefined> {
  const [owner = '', repo = ''] = call.repo.split('/');
  try {
    const { data } = await call.client.rest.pulls.get({ owner, repo, pull_number: number, request: { retries: 0, signal: AbortSignal.timeout(call.timeoutMs) } });
    return data as unknown as Json;
  } catch (error) {
    const mapped = mapGitHubError(error, `read pull request #${number} of ${call.repo}`);
    if (mapped.code === 'forge-not-found') return undefined;
    throw mapped;
  }
}
