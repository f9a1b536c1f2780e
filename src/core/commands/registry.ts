import { archiveOptOutCommand } from '../archive/archive-optout.command.js';
import { archiveCommand } from '../archive/archive.command.js';
import { faqAdminCommand } from '../faq/faq-admin.command.js';
import { faqVoteCommand } from '../faq/faq-vote.command.js';
import { openIssueCommand } from '../issue/open-issue.command.js';
import { commentCommand } from '../notify/comment.command.js';
import { createSubscribeCommand, type SubscribePolicy } from '../notify/subscribe.command.js';
import { bindCodeCommand } from '../tenants/bind-code.command.js';
import { bindCommand } from './bind.command.js';
import type { Command } from './command.js';

/** The command table: the first row whose parser accepts a message runs it. */
export function commandTable(options: { subscribe?: SubscribePolicy } = {}): readonly Command<any>[] {
  // The vote comes before the comment: 没用 quoting the bot's answer is feedback, not a GitHub comment.
  return [openIssueCommand, createSubscribeCommand(options.subscribe), faqVoteCommand, commentCommand, faqAdminCommand, bindCodeCommand, bindCommand, archiveOptOutCommand, archiveCommand];
}

export const commands: readonly Command<any>[] = commandTable();
