import type { ChatContext } from '../context.js';
import { OsschatError } from '../errors.js';

/** What the group is told when the forge refuses for a reason a person must fix; undefined for a retryable error. */
export async function forgeAdvice(ctx: ChatContext, error: unknown, repo: string): Promise<string | undefined> {
  if (!(error instanceof OsschatError) || error.retryable) return undefined;
  switch (error.code) {
    case 'forge-unauthorized':
      return ctx.t('issue.unauthorized');
    case 'forge-forbidden':
      return ctx.t('issue.forbidden', { repo });
    case 'forge-not-installed':
      return ctx.t('issue.notInstalled', { repo, url: (await ctx.services.forge?.installUrl?.()) ?? '' });
    case 'forge-not-found':
      return ctx.t('issue.notFound', { repo });
    default:
      return ctx.t('issue.invalid', { detail: error.message });
  }
}

/**
 * Tells the group what a person must fix when the forge refused (and rethrows as already told,
 * so the outbox marks the job failed without a second message); a retryable error is rethrown as is.
 */
export async function tellForgeRefusal(ctx: ChatContext, error: unknown, repo: string): Promise<never> {
  const advice = await forgeAdvice(ctx, error, repo);
  if (!advice) throw error;
  await ctx.reply(advice);
  throw new OsschatError((error as OsschatError).code, (error as Error).message, { told: true, cause: error });
}
