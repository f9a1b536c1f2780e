import { openIssueCommand } from '../issue/open-issue.command.js';
import { commentCommand } from '../notify/comment.command.js';
import { subscribeCommand } from '../notify/subscribe.command.js';
import { bindCommand } from './bind.command.js';
import type { Command } from './command.js';

/** The command table: the first row whose parser accepts a message runs it. */
export const commands: readonly Command<any>[] = [openIssueCommand, subscribeCommand, commentCommand, bindCommand];
