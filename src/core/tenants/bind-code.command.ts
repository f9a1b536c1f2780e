import type { Command } from '../commands/command.js';
import type { ChatContext } from '../context.js';
import { normalizeBindCode } from './tenant.js';

type BindCodeArgs = { code: string };

/** `绑定 7KQ2-M9XP` · `/bind 7KQ2-M9XP`: a repository name has a slash, a code never does. */
function parse(text: string): BindCodeArgs | undefined {
  if (text.length > 40) return undefined;
  const match = text.trim().match(/^(?:\/bind\s+|绑定(?:码)?[\s:：]*)([^\s:：]\S*)$/i);
  const code = match?.[1] ? normalizeBindCode(match[1]) : undefined;
  return code ? { code } : undefined;
}

async function run(ctx: ChatContext, { code }: BindCodeArgs): Promise<void> {
  if (ctx.room.kind !== 'group') return ctx.reply(ctx.t('bind.code.unknown', { code }));
  const result = await ctx.store.tenants.redeemBindCode(code, ctx.room.id);
  if (!result.ok) return ctx.reply(ctx.t(`bind.code.${result.reason}`, { code }));
  ctx.log.info({ tenant: result.tenant.login, repo: result.repo }, 'room bound to a tenant with a code');
  await ctx.reply(ctx.t('bind.code.done', { tenant: result.tenant.login, repo: result.repo }));
}

/**
 * Links the group to the tenant that created the code in the dashboard. Anyone may say it: knowing a fresh
 * one-time code proves the speaker administers that tenant, and saying it in the group proves they are in it.
 */
export const bindCodeCommand: Command<BindCodeArgs> = {
  name: 'bind-code',
  usage: { 'zh-CN': '绑定 绑定码（在管理后台生成）', en: '/bind CODE (created in the dashboard)' },
  help: { 'zh-CN': '用一次性绑定码把本群加入社区', en: 'join this room to a community with a one-time code' },
  permission: 'anyone',
  parse,
  run,
};
