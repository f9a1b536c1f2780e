import type { ChatContext } from '../context.js';
import { foldForMatching, unfoldStrings } from '../text/fold-for-matching.js';

/**
 * Who may run a command: anyone; a configured admin (`admins` in the config); or a room admin, meaning a
 * configured admin or the group's owner or admin as the platform reports it (in hosted mode a group's own
 * admins are not in the config).
 */
export type Permission = 'anyone' | 'admin' | 'room-admin';

/** Whether the sender of `ctx`'s message holds the permission. */
export function permits(permission: Permission, ctx: Pick<ChatContext, 'isAdmin' | 'isRoomAdmin'>): boolean {
  if (permission === 'anyone' || ctx.isAdmin) return true;
  return permission === 'room-admin' && ctx.isRoomAdmin;
}

/** What a command parser may know besides the text; the same at record time and at run time. */
export interface ParseInfo {
  /** The message quotes another message. */
  quoting: boolean;
  /** The quoted message, when it is stored: its text, and whether the bot said it. */
  quoted?: QuotedMessage;
  botNames: readonly string[];
}

export interface QuotedMessage {
  text: string;
  fromBot: boolean;
}

/**
 * One row of the command table: how it is said (zh and en), who may run it, and what it does.
 * A message that parses as a command is stored with its name and run from the durable outbox.
 */
export interface Command<Args = unknown> {
  name: string;
  /** Example forms shown in help, per language. */
  usage: { 'zh-CN': string; en: string };
  help: { 'zh-CN': string; en: string };
  permission: Permission;
  /** Arguments when `text` (folded for matching, see foldForMatching) is this command, `undefined` when it is not. */
  parse(text: string, info: ParseInfo): Args | undefined;
  /**
   * A near miss: `text` (folded, trimmed, the bot's mention dropped; `addressed` when there was one)
   * starts like this command but no row parsed it. Such a message is stored as the command
   * `malformed` and answered with this command's usage (see near-miss.ts). Recognise only text that
   * begins as the command does, never a sentence that merely mentions it.
   */
  looksLike?(text: string, addressed: boolean): boolean;
  run(ctx: ChatContext, args: Args): Promise<void>;
  /** Tells the room the command failed for good (the outbox gave up); a generic apology otherwise. */
  onFailure?(ctx: ChatContext, error: unknown, attempts: number): Promise<void>;
}

/**
 * The first row that parses `text`. Rows read the text folded (Traditional Chinese as Simplified), and
 * the strings in their arguments come back as the sender wrote them.
 */
export function findCommand(commands: readonly Command<any>[], text: string, info: ParseInfo): { command: Command<any>; args: unknown } | undefined {
  const folded = foldForMatching(text);
  for (const command of commands) {
    const args = command.parse(folded, info);
    if (args !== undefined) return { command, args: unfoldStrings(args, folded, text) };
  }
  return undefined;
}
