import { boundRepo } from '../commands/bind.command.js';
import type { ChatContext } from '../context.js';

export type CommentTarget = { ok: true; repo: string } | { ok: false; reply: string };

/** The repositories a room may comment on: its bound one, and those it subscribes to when configured so. */
async function commentableRepos(ctx: ChatContext): Promise<string[]> {
  const bound = boundRepo(ctx);
  const subscribed = ctx.services.commentOnSubscribed ? (await ctx.store.subscriptions.ofRoom(ctx.room.id)).map((s) => s.repo) : [];
  const repos = bound ? [bound, ...subscribed] : subscribed;
  return repos.filter((repo, i) => repos.findIndex((other) => sameRepo(other, repo)) === i);
}

// GitHub names are case-insensitive: Octo/Hello is octo/hello.
function sameRepo(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Where a `/comment` about #`number` goes: the repository it names only if the room may comment there;
 * else the bound one, or the only one the room may reach. A room that may reach none is told to bind first.
 */
export async function commentTarget(ctx: ChatContext, named: string | undefined, number: number): Promise<CommentTarget> {
  const allowed = await commentableRepos(ctx);
  if (allowed.length === 0) return { ok: false, reply: ctx.t('bind.none') };
  if (named) {
    const repo = allowed.find((candidate) => sameRepo(candidate, named));
    return repo ? { ok: true, repo } : { ok: false, reply: ctx.t('comment.otherRepo', { repos: allowed.join(', '), asked: named }) };
  }
  const bound = boundRepo(ctx);
  if (bound) return { ok: true, repo: bound };
  return allowed.length === 1 ? { ok: true, repo: allowed[0]! } : { ok: false, reply: ctx.t('comment.whichRepo', { number }) };
}
