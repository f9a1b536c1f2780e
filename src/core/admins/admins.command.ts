import type { Command, ParseInfo } from '../commands/command.js';
import type { ChatContext } from '../context.js';
import { stripBotMention } from '../issue/parse-issue-command.js';
import type { StoredAdmin } from './admin.js';
import { ANY_PLATFORM } from './admin-roster.js';
import { resolveTarget, targetOf, type MemberTarget, type TargetMember } from './member-target.js';

type AdminsArgs = { action: 'list' } | { action: 'usage' } | { action: 'add' | 'remove'; target: MemberTarget };

// Bare 管理员 is how people call for a group's admins, not the bot: only 管理员列表 / 管理员名单 list them.
const LIST = /^(?:[/／]admins(?:\s+list)?|管理员(?:列表|名单))$/i;
const SLASH = /^[/／]admins\s+(add|remove|rm|delete)(?:\s+([\s\S]+))?$/i;
// In Chinese only a mention or an id may follow: 添加管理员的方法 is a question, not a command.
const ZH = /^(添加|设为|移除|删除|取消)管理员(?:\s*([@＠][\s\S]+|\s[\w.:@-]+))?$/;

function parse(text: string, info: Pick<ParseInfo, 'botNames'>): AdminsArgs | undefined {
  const trimmed = stripBotMention(text.trim(), info.botNames).text.trim();
  if (LIST.test(trimmed)) return { action: 'list' };
  const slash = SLASH.exec(trimmed);
  if (slash) return { action: slash[1]!.toLowerCase() === 'add' ? 'add' : 'remove', target: targetOf(slash[2]) };
  const zh = ZH.exec(trimmed);
  if (zh) return { action: zh[1] === '添加' || zh[1] === '设为' ? 'add' : 'remove', target: targetOf(zh[2]) };
  return /^[/／]admins\b/i.test(trimmed) ? { action: 'usage' } : undefined;
}

function shown(member: Pick<TargetMember, 'name' | 'externalId'>) {
  return { name: member.name ?? '?', id: member.externalId };
}

function addedBy(ctx: ChatContext, admin: StoredAdmin): string {
  if (admin.addedBy === 'claim' || admin.addedBy === 'cli') return ctx.t(`admins.by.${admin.addedBy}`);
  return ctx.t('admins.by.chat', { who: admin.addedBy.slice(admin.addedBy.indexOf(':') + 1) });
}

async function list(ctx: ChatContext): Promise<void> {
  const configured = await Promise.all(
    ctx.admins.configured.map(async (id) => ctx.t('admins.item.config', shown({ externalId: id, name: (await ctx.store.admins.membersWithId(id))[0]?.name ?? null }))),
  );
  const stored = (await ctx.store.admins.list()).map((admin) => ctx.t('admins.item.stored', { ...shown(admin), by: addedBy(ctx, admin) }));
  const lines = [...configured, ...stored];
  await ctx.reply(ctx.t('admins.list', { count: lines.length, lines: lines.join('\n') }));
}

async function add(ctx: ChatContext, member: TargetMember): Promise<void> {
  if (await ctx.admins.isAdmin(member)) return ctx.reply(ctx.t('admins.alreadyAdmin', shown(member)));
  await ctx.store.admins.add({ platform: member.platform, externalId: member.externalId, addedBy: `${ctx.sender.platform}:${ctx.sender.externalId}` });
  ctx.admins.changed();
  ctx.log.info({ admin: member.externalId, by: ctx.sender.externalId }, 'bot admin added in chat');
  await ctx.reply(ctx.t('admins.added', shown(member)));
}

async function remove(ctx: ChatContext, member: TargetMember): Promise<void> {
  const removed = (await ctx.store.admins.remove(member.platform, member.externalId)) || (await ctx.store.admins.remove(ANY_PLATFORM, member.externalId));
  ctx.admins.changed();
  if (removed) {
    ctx.log.info({ admin: member.externalId, by: ctx.sender.externalId }, 'bot admin removed in chat');
    return ctx.reply(ctx.t('admins.removed', shown(member)));
  }
  await ctx.reply(ctx.t(ctx.admins.configured.includes(member.externalId) ? 'admins.inConfig' : 'admins.notAdmin', shown(member)));
}

async function run(ctx: ChatContext, args: AdminsArgs): Promise<void> {
  if (args.action === 'usage') return ctx.reply(ctx.t('admins.usage'));
  if (args.action === 'list') return list(ctx);
  const target = await resolveTarget(ctx, args.target);
  if (!target.ok) return ctx.reply(target.reply);
  await (args.action === 'add' ? add(ctx, target.member) : remove(ctx, target.member));
}

/** `/admins` · `管理员列表`: the bot admins; `/admins add|remove` · `添加管理员` · `移除管理员`, quoting or @-mentioning a member. */
export const adminsCommand: Command<AdminsArgs> = {
  name: 'admins',
  usage: { 'zh-CN': '管理员列表 · 引用某人的消息发送「添加管理员」或「移除管理员」', en: '/admins · /admins add (quoting a message, or @name) · /admins remove' },
  help: { 'zh-CN': '查看、添加或移除机器人管理员（管理员）', en: 'list, add or remove the bot’s admins (admins)' },
  permission: 'admin',
  parse,
  run,
};
