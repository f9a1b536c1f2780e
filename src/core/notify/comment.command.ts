import type { Command } from '../commands/command.js';
import { looksLikeComment } from '../commands/near-miss-forms.js';
import type { ChatContext } from '../context.js';
import { refuse } from '../admins/refuse.js';
import { findMarker } from '../issue/draft-issue.js';
import { commentBody } from '../issue/comment-body.js';
import { claimForgeWrite } from '../issue/forge-quota.js';
import { commandKey } from '../issue/command-key.js';
import { findEarlier } from '../issue/find-earlier.js';
import { tellForgeRefusal } from '../issue/forge-advice.js';
import { mayOpenIssues } from '../issue/may-open-issues.js';
import { commentTarget } from './comment-target.js';
import { parseCommentCommand, type CommentArgs } from './parse-comment-command.js';

function bodyOf(ctx: ChatContext, text: string, key: string): string {
  const roomName = ctx.room.kind === 'group' ? (ctx.room.topic ?? ctx.room.externalId) : '';
  return commentBody({ text, sender: ctx.sender, roomName, locale: ctx.locale, redact: ctx.services.issues.redact, marker: key });
}

async function run(ctx: ChatContext, args: CommentArgs): Promise<void> {
  if (!args.ok) return ctx.reply(ctx.t('comment.usage'));
  if (!mayOpenIssues(ctx)) return refuse(ctx, { command: 'comment', reason: ctx.t('comment.notAllowed') });
  // Only the room's own repository (or its subscriptions, when configured): never one the sender merely names.
  const target = await commentTarget(ctx, args.repo, args.number);
  if (!target.ok) return ctx.reply(target.reply);
  const { repo } = target;
  const forge = ctx.services.forge;
  if (!forge) return ctx.reply(ctx.t('issue.noCredentials'));
  const refusal = await claimForgeWrite(ctx, 'comment');
  if (refusal) return ctx.reply(refusal);
  const key = commandKey(ctx, 'comment');
  try {
    const look = async () => (await forge.recentCommentsByMe(repo, args.number, new Date(ctx.message.ts.getTime() - 600_000))).find((c) => findMarker(c.body) === key);
    const earlier = ctx.attempt > 1 ? await findEarlier(forge, look) : undefined;
    const comment = earlier ?? (await forge.addComment(repo, args.number, bodyOf(ctx, args.text, key)));
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
  looksLike: looksLikeComment,
  run,
  async onFailure(ctx, _error, attempts) {
    await ctx.reply(ctx.t('comment.failed', { attempts }));
  },
};
