import { createHash } from 'node:crypto';
import type { Command, ParseInfo } from '../commands/command.js';
import type { ChatContext } from '../context.js';
import { entriesOfRoom } from './entries-of-room.js';
import { refuse } from '../admins/refuse.js';

type FaqArgs = { action: 'add'; answer: string; question?: string } | { action: 'remove'; id: string } | { action: 'list' } | { action: 'usage' };

/** `加入FAQ：answer` / `/faq add answer` (quoting the question), `/faq remove ID`, `/faq list`. */
function parse(text: string, info: Pick<ParseInfo, 'quoted'>): FaqArgs | undefined {
  const trimmed = text.trim();
  const add = /^(?:加入\s*FAQ|\/faq\s+add)(?:\s*[:：]\s*|\s+)([\s\S]+)$/i.exec(trimmed);
  if (add) return { action: 'add', answer: add[1]!.trim(), ...(info.quoted ? { question: info.quoted.text } : {}) };
  const remove = /^\/faq\s+(?:remove|rm|delete)\s+(\S+)$/i.exec(trimmed);
  if (remove) return { action: 'remove', id: remove[1]! };
  if (/^(?:\/faq(?:\s+list)?|FAQ列表)$/i.test(trimmed)) return { action: 'list' };
  return /^(?:\/faq\b|加入\s*FAQ)/i.test(trimmed) ? { action: 'usage' } : undefined;
}

async function add(ctx: ChatContext, answer: string, question: string | undefined): Promise<void> {
  if (!question) return ctx.reply(ctx.t('faq.addUsage'));
  const id = `chat-${createHash('sha256').update(question).digest('hex').slice(0, 8)}`;
  await ctx.store.faq.upsert({ id, questions: [question], answer, tags: [], source: 'chat' });
  const stored = await ctx.store.faq.get(id);
  if (stored) ctx.services.faq?.put(stored);
  await ctx.reply(ctx.t('faq.added', { id, question }));
}

async function list(ctx: ChatContext): Promise<void> {
  const entries = await entriesOfRoom(ctx);
  if (entries.length === 0) return ctx.reply(ctx.t('faq.empty'));
  const lines = entries.slice(0, 30).map((entry) => `${entry.id}: ${entry.questions[0]} (${entry.hits})`);
  await ctx.reply(ctx.t('faq.list', { count: entries.length, lines: lines.join('\n') }));
}

async function run(ctx: ChatContext, args: FaqArgs): Promise<void> {
  if (!ctx.services.faq) return ctx.reply(ctx.t('faq.noKb'));
  if (args.action === 'list') return list(ctx);
  if (!ctx.isAdmin) return refuse(ctx, { command: 'faq' });
  if (args.action === 'usage') return ctx.reply(ctx.t('faq.addUsage'));
  if (args.action === 'add') return add(ctx, args.answer, args.question);
  if (!(await ctx.store.faq.remove(args.id))) return ctx.reply(ctx.t('faq.notFound', { id: args.id }));
  ctx.services.faq.remove(args.id);
  await ctx.reply(ctx.t('faq.removed', { id: args.id }));
}

export const faqAdminCommand: Command<FaqArgs> = {
  name: 'faq',
  usage: { 'zh-CN': '引用问题后发送「加入FAQ：答案」· /faq remove ID · /faq list', en: '/faq add ANSWER (quoting the question) · /faq remove ID · /faq list' },
  help: { 'zh-CN': '管理常见问题（管理员）', en: 'manage the FAQ (admins)' },
  permission: 'anyone',
  parse,
  run,
};
