import type { Command } from '../commands/command.js';
import { looksLikeArchive } from '../commands/near-miss-forms.js';
import type { ChatContext } from '../context.js';

type ArchiveArgs = { action: 'on' | 'off' | 'status' };

function parse(text: string): ArchiveArgs | undefined {
  const trimmed = text.trim();
  const slash = trimmed.match(/^\/archive(?:\s+(on|off|status))?$/i);
  if (slash) return { action: (slash[1]?.toLowerCase() as 'on' | 'off' | 'status' | undefined) ?? 'status' };
  const zh = trimmed.match(/^(?:公开存档|存档公开)\s*(开启|打开|开|关闭|关|状态)?$/);
  if (!zh) return undefined;
  if (!zh[1] || zh[1] === '状态') return { action: 'status' };
  return { action: zh[1].startsWith('开') || zh[1] === '打开' ? 'on' : 'off' };
}

/** Where the room's public pages are, when the archive's address is configured. */
export function roomArchiveUrl(ctx: Pick<ChatContext, 'room' | 'services'>): string | undefined {
  const base = ctx.services.archive?.baseUrl;
  return base ? `${base.replace(/\/+$/, '')}/${ctx.room.id}/` : undefined;
}

async function run(ctx: ChatContext, args: ArchiveArgs): Promise<void> {
  if (ctx.room.kind !== 'group') return ctx.reply(ctx.t('archive.groupOnly'));
  const url = roomArchiveUrl(ctx);
  const where = url ? ctx.t('archive.where', { url }) : '';
  if (args.action === 'status') return ctx.reply(`${ctx.t(ctx.room.archivePublic ? 'archive.isOn' : 'archive.isOff')}${ctx.room.archivePublic ? where : ''}`);
  await ctx.store.archive.setRoomPublic(ctx.room.id, args.action === 'on');
  if (args.action === 'on') return ctx.reply(`${ctx.t('archive.on')}${where}`);
  const configured = ctx.services.archive?.configured(ctx.room) ?? false;
  await ctx.reply(ctx.t(configured ? 'archive.offConfigured' : 'archive.off'));
}

/** `公开存档 开|关` · `/archive on|off` (the group's owner or admins, or a configured admin): opts the room into the public archive or out of it. */
export const archiveCommand: Command<ArchiveArgs> = {
  name: 'archive',
  usage: { 'zh-CN': '公开存档 开 · 公开存档 关', en: '/archive on · /archive off' },
  help: { 'zh-CN': '公开（或停止公开）本群的可搜索存档（群主或群管理员）', en: 'publish (or stop publishing) this room in the searchable archive (the group\'s owner or admins)' },
  permission: 'room-admin',
  parse,
  looksLike: looksLikeArchive,
  run,
};
