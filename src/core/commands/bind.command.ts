import type { ChatContext } from '../context.js';
import type { Command } from './command.js';
import { looksLikeBind } from './near-miss-forms.js';
import { reachRefusal } from '../installations/reach-refusal.js';

type BindArgs = { action: 'show' } | { action: 'bind'; repo: string } | { action: 'unbind' };

const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** `/bind anything` is clearly meant as the command; `绑定 …` only when a repository follows (绑定手机号 is chat). */
function parse(text: string): BindArgs | undefined {
  const trimmed = text.trim();
  const slash = trimmed.match(/^\/bind(?:\s+(.*))?$/i);
  if (slash) return slash[1]?.trim() ? { action: 'bind', repo: repoName(slash[1]) } : { action: 'show' };
  const zh = trimmed.match(/^绑定(?:仓库)?[\s:：]*(.*)$/);
  if (zh) {
    if (!zh[1]) return { action: 'show' };
    const repo = repoName(zh[1]);
    return REPO.test(repo) ? { action: 'bind', repo } : undefined;
  }
  return /^(解绑|取消绑定|\/unbind)$/i.test(trimmed) ? { action: 'unbind' } : undefined;
}

function repoName(value: string): string {
  return value.trim().replace(/^https?:\/\/github\.com\//i, '').replace(/(\.git|\/)$/, '');
}

/** The repository the room's issues go to: bound in chat, else from the configuration. */
export function boundRepo(ctx: Pick<ChatContext, 'room' | 'services'>): string | undefined {
  return ctx.room.repo ?? ctx.services.roomSettings(ctx.room).repo;
}

async function run(ctx: ChatContext, args: BindArgs): Promise<void> {
  const current = boundRepo(ctx);
  if (args.action === 'show') return ctx.reply(current ? ctx.t('bind.current', { repo: current }) : ctx.t('bind.none'));
  if (args.action === 'unbind') {
    await ctx.store.rooms.setRepo(ctx.room.id, null);
    const fallback = ctx.services.roomSettings(ctx.room).repo;
    return ctx.reply(fallback ? ctx.t('bind.fallback', { repo: fallback }) : ctx.t('bind.removed'));
  }
  if (!REPO.test(args.repo)) return ctx.reply(ctx.t('bind.invalid', { value: args.repo }));
  const refusal = await reachRefusal(ctx, args.repo);
  if (refusal) return ctx.reply(refusal);
  await ctx.store.rooms.setRepo(ctx.room.id, args.repo);
  await ctx.reply(ctx.t('bind.done', { repo: args.repo }));
}

export const bindCommand: Command<BindArgs> = {
  name: 'bind',
  usage: { 'zh-CN': '绑定 owner/repo · 解绑', en: '/bind owner/repo · /unbind' },
  help: { 'zh-CN': '把本群绑定到一个仓库（管理员）', en: 'bind this room to a repository (admins)' },
  permission: 'admin',
  parse,
  looksLike: looksLikeBind,
  run,
};
