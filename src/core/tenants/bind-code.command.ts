import type { Command } from '../commands/command.js';
import type { ChatContext } from '../context.js';
import { refuse as refuseNonAdmin } from '../admins/refuse.js';
import { BIND_CODE_LOCKOUT_MINUTES, bindCodesLockedOut, recordWrongBindCode } from './bind-code-backoff.js';
import { normalizeBindCode, type RedeemFailure } from './tenant.js';

type BindCodeArgs = { code: string };

/** Failures that tell a guesser something about the code: counted toward the back-off. */
const WRONG_CODE: readonly RedeemFailure[] = ['unknown', 'expired', 'used'];

/** `绑定 7KQ2-M9XP` · `/bind 7KQ2-M9XP`: a repository name has a slash, a code never does. */
function parse(text: string): BindCodeArgs | undefined {
  if (text.length > 40) return undefined;
  const match = text.trim().match(/^(?:\/bind\s+|绑定(?:码)?[\s:：]*)([^\s:：]\S*)$/i);
  const code = match?.[1] ? normalizeBindCode(match[1]) : undefined;
  return code ? { code } : undefined;
}

/** The self-hosted configuration owns a room no tenant owns when it lists it, or when an admin bound its repository in chat. */
async function ownedBySelfHosted(ctx: ChatContext): Promise<boolean> {
  if ((await ctx.store.tenants.tenantOfRoom(ctx.room.id)) !== null) return false;
  return ctx.room.repo !== null || Boolean(ctx.services.roomSettings(ctx.room).configured) || Boolean(ctx.services.archive?.configured(ctx.room));
}

async function refuse(ctx: ChatContext, code: string, reason: RedeemFailure): Promise<void> {
  if (WRONG_CODE.includes(reason) && (await recordWrongBindCode(ctx))) {
    ctx.log.warn({ member: ctx.sender.externalId }, 'bind codes: too many wrong codes, ignoring them for a while');
    return ctx.reply(ctx.t('bind.code.tooMany', { minutes: BIND_CODE_LOCKOUT_MINUTES }));
  }
  await ctx.reply(ctx.t(`bind.code.${reason}`, { code }));
}

async function run(ctx: ChatContext, { code }: BindCodeArgs): Promise<void> {
  if (ctx.room.kind !== 'group') return ctx.reply(ctx.t('bind.code.unknown', { code }));
  if (await bindCodesLockedOut(ctx)) return ctx.log.warn({ member: ctx.sender.externalId }, 'bind code ignored: too many wrong codes lately');
  // Before the code is looked up: a room the bot's own configuration owns gives a guesser nothing to learn.
  if (!ctx.isAdmin && (await ownedBySelfHosted(ctx))) return refuseNonAdmin(ctx, { command: 'bind-code', reason: ctx.t('bind.code.selfHosted') });
  const result = await ctx.store.tenants.redeemBindCode(code, ctx.room.id, { selfHosted: ctx.isAdmin });
  if (!result.ok) return refuse(ctx, code, result.reason);
  ctx.log.info({ tenant: result.tenant.login, repo: result.repo }, 'room bound to a tenant with a code');
  await ctx.reply(ctx.t('bind.code.done', { tenant: result.tenant.login, repo: result.repo }));
}

/**
 * Links the group to the tenant that created the code in the dashboard. Knowing a fresh one-time code proves
 * the speaker administers that tenant; being the group's owner or admin (or a configured admin) proves the
 * group consents. A room another tenant owns, or the self-hosted configuration owns, never moves this way.
 */
export const bindCodeCommand: Command<BindCodeArgs> = {
  name: 'bind-code',
  usage: { 'zh-CN': '绑定 绑定码（在管理后台生成）', en: '/bind CODE (created in the dashboard)' },
  help: { 'zh-CN': '用一次性绑定码把本群加入社区（群主或群管理员）', en: 'join this room to a community with a one-time code (the group\'s owner or admins)' },
  permission: 'room-admin',
  parse,
  run,
};
