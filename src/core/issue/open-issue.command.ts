import type { Command } from '../commands/command.js';
import { boundRepo } from '../commands/bind.command.js';
import { looksLikeIssue } from '../commands/near-miss-forms.js';
import type { ChatContext } from '../context.js';
import { refuse } from '../admins/refuse.js';
import { fileIssue, type Filed } from './file-issue.js';
import { tellForgeRefusal } from './forge-advice.js';
import { claimForgeWrite } from './forge-quota.js';
import { mayOpenIssues } from './may-open-issues.js';
import { parseIssueCommand, type IssueCommandParse } from './parse-issue-command.js';
import { selectMessages, type Selection } from './select-messages.js';

type Args = IssueCommandParse;

function malformedReply(ctx: ChatContext, args: Extract<Args, { ok: false }>): string {
  if (args.error === 'bad-count') return ctx.t('issue.badCount', { detail: args.detail ?? '' });
  if (args.error === 'missing-quote') return ctx.t('issue.needQuote');
  return ctx.t('issue.usage');
}

function selectionReply(ctx: ChatContext, selection: Extract<Selection, { ok: false }>): string {
  if (selection.reason === 'too-many') return ctx.t('issue.tooMany', { max: ctx.services.issues.maxCount });
  return selection.reason === 'quoted-missing' ? ctx.t('issue.quotedMissing') : ctx.t('issue.nothing');
}

async function run(ctx: ChatContext, args: Args): Promise<void> {
  if (!args.ok) return ctx.reply(malformedReply(ctx, args));
  if (!mayOpenIssues(ctx)) {
    const who = ctx.t(ctx.services.issues.allow === 'admins' ? 'issue.who.admins' : 'issue.who.members');
    return refuse(ctx, { command: 'issue', reason: ctx.t('issue.notAllowed', { who }) });
  }
  const repo = boundRepo(ctx);
  if (!repo) return ctx.reply(ctx.t('issue.unbound'));
  const forge = ctx.services.forge;
  if (!forge) return ctx.reply(ctx.t('issue.noCredentials'));
  const selection = await selectMessages(ctx, args.count);
  if (!selection.ok) return ctx.reply(selectionReply(ctx, selection));
  const existing = await ctx.store.issueLinks.findByCommand(ctx.message.id);
  const refusal = existing ? undefined : await claimForgeWrite(ctx, 'issue');
  if (refusal) return ctx.reply(refusal);
  const filed: Filed = existing
    ? { link: existing, related: [] }
    : await fileIssue(ctx, forge, { repo, messages: selection.messages, title: args.title, category: args.category, attempt: ctx.attempt }).catch((error: unknown) => tellForgeRefusal(ctx, error, repo));
  await ctx.reply(await createdReply(ctx, filed, selection));
}

async function createdReply(ctx: ChatContext, filed: Filed, selection: Extract<Selection, { ok: true }>): Promise<string> {
  const { link, related } = filed;
  const lines = [ctx.t('issue.created', { number: link.issueNumber, title: link.title, url: link.issueUrl })];
  if (selection.by === 'conversation') lines.push(ctx.t('issue.tookConversation', { count: link.messageCount, people: await people(ctx, selection) }));
  else if (selection.by === 'since-command') lines.push(ctx.t('issue.tookDefault', { count: link.messageCount, people: await people(ctx, selection) }));
  else if (selection.wanted && selection.messages.length < selection.wanted) lines.push(ctx.t('issue.tookFewer', { count: selection.messages.length, wanted: selection.wanted }));
  if (related.length) lines.push(ctx.t('issue.related', { list: related.map((issue) => `#${issue.number} ${issue.title}`).join(ctx.locale === 'zh-CN' ? '；' : '; ') }));
  return lines.join('\n');
}

async function people(ctx: ChatContext, selection: Extract<Selection, { ok: true }>): Promise<string> {
  const names: string[] = [];
  for (const id of new Set(selection.messages.map((m) => m.senderId))) names.push((await ctx.store.members.findById(id))?.name ?? '?');
  return names.join(ctx.locale === 'zh-CN' ? '、' : ', ');
}

export const openIssueCommand: Command<Args> = {
  name: 'issue',
  usage: { 'zh-CN': '以上N条开工单[：标题][ #缺陷]', en: '/issue N [title] [#bug]' },
  help: { 'zh-CN': '把前面 N 条消息（不写 N：当前这段对话）开成 GitHub 工单', en: 'open a GitHub issue from the last N messages (no N: the current conversation)' },
  permission: 'anyone',
  parse: (text, info) => parseIssueCommand(text, { botNames: info.botNames, quoting: info.quoting }),
  looksLike: looksLikeIssue,
  run,
  async onFailure(ctx, _error, attempts) {
    await ctx.reply(ctx.t('issue.failed', { attempts }));
  },
};
