import { createHash } from 'node:crypto';
import { paginate } from './paginate.js';
import { renderEvent } from './render-event.js';
import { renderPull } from './render-pull.js';
import { repoRoute } from './repo-access.js';
import { notFound, type Handler, type Reply } from './reply.js';

/** A weak entity tag of the answer, as GitHub sends for lists: the same body, the same tag. */
function etagOf(body: unknown): string {
  return `W/"${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 40)}"`;
}

/**
 * The repository events API: newest first, paginated, with an ETag (If-None-Match with the same tag
 * is a bodiless 304, which GitHub does not count against the rate limit) and X-Poll-Interval.
 */
const listRepoEvents = repoRoute(false, (ctx, repo): Reply => {
  const page = paginate(ctx.state.events.of(repo), ctx.requestUrl);
  const body = page.items.map((event) => renderEvent(ctx.urls, ctx.state, event));
  const etag = etagOf(body);
  const interval = ctx.state.events.pollIntervalSeconds;
  const headers = { etag, ...(interval > 0 ? { 'x-poll-interval': String(interval) } : {}), ...page.headers };
  if (ctx.headers?.['if-none-match'] === etag) return { status: 304, headers };
  return { status: 200, body, headers };
});

const getPull = repoRoute(false, (ctx, repo): Reply => {
  const pull = ctx.state.pull(repo, Number(ctx.params.pull_number));
  return pull ? { status: 200, body: renderPull(ctx.urls, ctx.state, pull) } : notFound();
});

/** What polling reads, keyed by OpenAPI operationId. */
export const eventHandlers: Record<string, Handler> = {
  'activity/list-repo-events': listRepoEvents,
  'pulls/get': getPull,
};
