import type { Command, ParseInfo } from '../commands/command.js';
import type { ChatContext } from '../context.js';
import { stripBotMention } from '../issue/parse-issue-command.js';
import { resolveTarget, type TargetMember } from './member-target.js';

type WhoisArgs = Record<string, never>;

/** `/whois` anywhere (without a quote it says how); `是谁` only quoting a message. */
function parse(text: string, info: Pick<ParseInfo, 'quoting' | 'botNames'>): WhoisArgs | undefined {
  const trimmed = stripBotMention(text.trim(), info.botNames).text.trim();
  if (/^[/／]whois$/i.test(trimmed)) return {};
  return info.quoting && /^是谁[?？]?$/.test(trimmed) ? {} : undefined;
}

async function roles(ctx: ChatContext, member: TargetMember): Promise<string[]> {
  const found: string[] = [];
  if (ctx.admins.configured.includes(member.externalId)) found.push(ctx.t('whois.role.configAdmin'));
  else if (await ctx.admins.isAdmin(member)) found.push(ctx.t('whois.role.storedAdmin'));
  const inRoom = member.id !== undefined && ctx.room.kind === 'group' ? await ctx.store.members.roleIn(ctx.room.id, member.id) : undefined;
  if (inRoom === 'owner' || inRoom === 'admin') found.push(ctx.t(`whois.role.${inRoom}`));
  return found.length > 0 ? found : [ctx.t('whois.role.member')];
}

async function run(ctx: ChatContext): Promise<void> {
  if (!ctx.message.replyTo) return ctx.reply(ctx.t('whois.usage'));
  const target = await resolveTarget(ctx, { kind: 'quoted' });
  if (!target.ok) return ctx.reply(target.reply);
  const { member } = target;
  const said = (await roles(ctx, member)).join(ctx.t('whois.and'));
  await ctx.reply(ctx.t('whois.result', { name: member.name ?? '?', platform: member.platform, id: member.externalId, roles: said }));
}

/** The quoted sender's platform id and role, for admins: the id `osschat admins add` and the config's `admins` take. */
export const whoisCommand: Command<WhoisArgs> = {
  name: 'whois',
  usage: { 'zh-CN': '引用某人的消息发送「是谁」', en: '/whois (quoting a message)' },
  help: { 'zh-CN': '查看被引用者的平台 ID 和身份（管理员）', en: 'show the quoted sender’s platform id and role (admins)' },
  permission: 'admin',
  parse,
  run,
};
