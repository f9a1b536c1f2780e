import type { ChatContext } from '../context.js';

/**
 * When OSSChat acts as a GitHub App, the advice for a repository none of its installations
 * reaches (with the install link); undefined when it does, or when nothing tells (a token, or
 * no installation webhook received yet: the first issue then says it).
 */
export async function reachRefusal(ctx: Pick<ChatContext, 'services' | 'store' | 't'>, repo: string): Promise<string | undefined> {
  const installUrl = await ctx.services.forge?.installUrl?.();
  if (!installUrl) return undefined;
  if ((await ctx.store.installations.reach(repo)) !== 'no') return undefined;
  return ctx.t('bind.notInstalled', { repo, url: installUrl });
}
