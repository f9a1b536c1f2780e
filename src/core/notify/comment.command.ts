import { boundRepo } from '../commands/bind.command.js';
import type { Command } from '../commands/command.js';
import type { ChatContext } from '../context.js';
import { escapeMentions, findMarker, markerOf, neutraliseMarkdown } from '../issue/draft-issue.js';
import { commandKey } from '../issue/command-key.js';
import { findEarlier } from '../issue/find-earlier.js';
import { tellForgeRefusal } from '../issue/forge-advice.js';
import { mayOpenIssues } from '../issue/may-open-issues.js';
import { parseCommentCommand, type CommentArgs } from './parse-comment-command.js';

async function repoFor(ctx: ChatContext, given: string | undefined): Promise<string | undefined> {
  if (given) return given;
  const bound = boundRepo(ctx);
  if (bound) return bound;
  const subscribed = await ctx.store.subscriptions.ofRoom(ctx.room.id);
  return subscribed.length === 1 ? subscribed[0]!.repo : undefined;
}

function commentBody(ctx: ChatContext, text: string, key: string): string {
  const who = ctx.sender.name ?? ctx.sender.externalId;
  const where = ctx.room.kind === 'group' ? (ctx.room.topic ?? ctx.room.externalId) : '';
  const credit = ctx.locale === 'zh-CN' ? `— ${who}${where ? ` 在「${where}」` : ''}通过 OSSChat 发表` : `— ${who}${where ? ` in «${where}»` : ''} via OSSChat`;
  return `${neutraliseMarkdown(text, (plain) => escapeMentions(plain))}\n\n${escapeMentions(credit)}\n${markerOf(key)}`;
}

async function run(ctx: ChatContext, args: CommentArgs): Promise<void> {
  if (!args.ok) return ctx.reply(ctx.t('comment.usage'));
  if (!mayOpenIssues(ctx)) return ctx.reply(ctx.t('comment.notAllowed'));
  const repo = await repoFor(ctx, args.repo);
  if (!repo) return ctx.reply(ctx.t('comment.whichRepo', { number: args.number }));
  const forge = ctx.services.forge;
  if (!forge) return ctx.reply(ctx.t('issue.noCredentials'));
  const key = commandKey(ctx, 'comment');
  try {
    const look = async () => (await forge.recentCommentsByMe(repo, args.number, new Date(ctx.message.ts.getTime() - 600_000))).find((c) => findMarker(c.body) === key);
    const earlier = ctx.attempt > 1 ? await findEarlier(forge, look) : undefined;
    const comment = earlier ?? (await forge.addComment(repo, args.number, commentBody(ctx, args.text, key)));
    await ctx.reply(ctx.t('comment.added', { number: args.number, url: comment.url }));
  } catch (error) {
    await tellForgeRefusal(ctx, error, repo);
  }
}

export const commentCommand: Command<CommentArgs> = {
  name: 'comment',
  usage: { 'zh-CN': '#N 评论：内容（或引用通知回复）', en: '/comment N text (or reply to a notification)' },
  help: { 'zh-CN': '在工单或 PR 下评论', en: 'comment on an issue or pull request' },
  permission: 'anyone',
  parse: (text, info) => parseCommentCommand(text, info),
  run,
  async onFailure(ctx, _error, attempts) {
    await ctx.reply(ctx.t('comment.failed', { attempts }));
  },
};
