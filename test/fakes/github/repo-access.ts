import { githubError, notFound, type Handler, type HandlerContext, type Reply } from './reply.js';

/** Who may touch a repository: unknown or invisible repos are 404, read-only tokens get 403 on writes. */
export function checkRepoAccess(ctx: HandlerContext, write: boolean): Reply | undefined {
  const repo = `${ctx.params.owner}/${ctx.params.repo}`;
  if (!ctx.state.hasRepo(repo)) return notFound();
  const { caller } = ctx;
  if (caller.kind === 'app') return githubError(403, 'Resource not accessible by integration');
  const listed = caller.repos?.some((r) => r.toLowerCase() === repo.toLowerCase());
  // A user token sees a private repository only as its owner or a collaborator.
  const visible = listed ?? (!ctx.state.access.isPrivate(repo) || ctx.state.access.roleOf(repo, caller.login) !== undefined);
  if (!visible) return notFound();
  if (write && caller.readOnly) return githubError(403, 'Resource not accessible by personal access token');
  return undefined;
}

/** Wraps a handler of `/repos/{owner}/{repo}/…` with the access check; `repo` is `owner/name`. */
export function repoRoute(write: boolean, handler: (ctx: HandlerContext, repo: string) => Reply): Handler {
  return (ctx) => checkRepoAccess(ctx, write) ?? handler(ctx, ctx.state.repoInfo(`${ctx.params.owner}/${ctx.params.repo}`).fullName);
}
