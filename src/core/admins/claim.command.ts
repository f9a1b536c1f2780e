import type { Command, ParseInfo } from '../commands/command.js';
import { codeBackoff } from '../commands/code-backoff.js';
import type { ChatContext } from '../context.js';
import { stripBotMention } from '../issue/parse-issue-command.js';
import { CLAIM_CODE_TTL_MINUTES, hashClaimCode } from './claim-code.js';

type ClaimArgs = { code: string };

/** Codes have 2^60 values: 5 guesses per member and 20 by everyone per 15 minutes never find one. */
export const CLAIM_BACKOFF = { perMember: 5, perScope: 20, windowMs: 15 * 60_000 } as const;

const backoff = codeBackoff(CLAIM_BACKOFF, {
  count: async (ctx, since) => {
    const { member, all } = await ctx.store.admins.claimFailures(ctx.sender.id, since, ctx.message.id);
    return { member, scope: all };
  },
  record: (ctx) => ctx.store.admins.recordClaimFailure(ctx.message.id, ctx.room.id, ctx.sender.id),
});

const SLASH = /^[/／]claim(?:\s+([\s\S]*))?$/i;
// 认领 alone is an ordinary word (认领失物): a command only when something code-like follows, typos included.
const ZH = /^认领[\s:：]*([0-9A-Za-z０-９Ａ-Ｚａ-ｚ][0-9A-Za-z０-９Ａ-Ｚａ-ｚ\s\-‐]{6,30})$/;

/**
 * `/claim CODE` · `认领 CODE`, also after `@bot`. Parsed as a command even with a wrong code, so the message is
 * stored as one: a code never reaches the archive, the analytics or an issue's transcript.
 */
function parse(text: string, info: Pick<ParseInfo, 'botNames'>): ClaimArgs | undefined {
  if (text.length > 120) return undefined;
  const trimmed = stripBotMention(text.trim(), info.botNames).text.trim();
  const slash = SLASH.exec(trimmed);
  if (slash) return { code: slash[1]?.trim() ?? '' };
  const zh = ZH.exec(trimmed);
  return zh ? { code: zh[1]!.trim() } : undefined;
}

async function refuseCode(ctx: ChatContext, reason: 'unknown' | 'expired' | 'used'): Promise<void> {
  if (await backoff.recordWrong(ctx)) {
    ctx.log.warn({ member: ctx.sender.externalId }, 'claim codes: too many wrong codes, ignoring them for a while');
    return ctx.reply(ctx.t('claim.tooMany', { minutes: backoff.lockoutMinutes }));
  }
  await ctx.reply(ctx.t(`claim.${reason}`, { minutes: CLAIM_CODE_TTL_MINUTES }));
}

async function run(ctx: ChatContext, { code }: ClaimArgs): Promise<void> {
  // Also what a retry hears after the claim went through.
  if (ctx.isAdmin) return ctx.reply(ctx.t('claim.already'));
  if (await ctx.admins.exists()) return ctx.reply(ctx.t('claim.adminExists'));
  if (!code) return ctx.reply(ctx.t('claim.usage'));
  if (await backoff.lockedOut(ctx)) return ctx.log.warn({ member: ctx.sender.externalId }, 'claim code ignored: too many wrong codes lately');
  const result = await ctx.store.admins.redeemClaimCode(hashClaimCode(code), { platform: ctx.sender.platform, externalId: ctx.sender.externalId });
  ctx.admins.changed();
  if (result.ok) {
    ctx.log.info({ member: ctx.sender.externalId, platform: ctx.sender.platform }, 'admin claimed the bot with a code');
    return ctx.reply(ctx.t('claim.done', { id: ctx.sender.externalId }));
  }
  if (result.reason === 'adminExists') return ctx.reply(ctx.t('claim.adminExists'));
  await refuseCode(ctx, result.reason);
}

/** Makes the sender the first bot admin with the one-time code `osschat start` printed; refused once any admin exists. */
export const claimCommand: Command<ClaimArgs> = {
  name: 'claim',
  usage: { 'zh-CN': '认领 认领码', en: '/claim CODE' },
  help: {
    'zh-CN': '还没有管理员时，用运行机器人的终端里显示的一次性认领码成为管理员',
    en: 'while the bot has no admin, become its admin with the one-time code shown in the terminal where it runs',
  },
  permission: 'anyone',
  parse,
  run,
};
