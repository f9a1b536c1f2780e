import { archiveOptOutCommand } from '../archive/archive-optout.command.js';
import { archiveCommand } from '../archive/archive.command.js';
import { faqAdminCommand } from '../faq/faq-admin.command.js';
import { faqVoteCommand } from '../faq/faq-vote.command.js';
import { openIssueCommand } from '../issue/open-issue.command.js';
import { commentCommand } from '../notify/comment.command.js';
import { createSubscribeCommand, type SubscribePolicy } from '../notify/subscribe.command.js';
import { bindCodeCommand } from '../tenants/bind-code.command.js';
import { adminsCommand } from '../admins/admins.command.js';
import { claimCommand } from '../admins/claim.command.js';
import { whoisCommand } from '../admins/whois.command.js';
import { bindCommand } from './bind.command.js';
import type { Command } from './command.js';
import { createHelpCommand } from './help.command.js';
import { createNearMissCommand } from './near-miss.js';

/** The command table: the first row whose parser accepts a message (folded, see findCommand) runs it. */
export function commandTable(options: { subscribe?: SubscribePolicy } = {}): readonly Command<any>[] {
  // The vote comes before the comment: 没用 quoting the bot's answer is feedback, not a GitHub comment.
  // The claim comes first: a code said quoting a notification must never become a GitHub comment.
  const rows: readonly Command<any>[] = [claimCommand, openIssueCommand, createSubscribeCommand(options.subscribe), faqVoteCommand, commentCommand, faqAdminCommand, bindCodeCommand, bindCommand, archiveOptOutCommand, archiveCommand, adminsCommand, whoisCommand];
  // Help lists the rows above and itself; the near miss comes last, for what no row parsed.
  const listed: readonly Command<any>[] = [...rows, createHelpCommand(() => listed)];
  return [...listed, createNearMissCommand(() => listed)];
}

export const commands: readonly Command<any>[] = commandTable();
