import type { ChatContext } from '../context.js';

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
  /** Arguments when `text` is this command, `undefined` when it is not. */
  parse(text: string, info: ParseInfo): Args | undefined;
  run(ctx: ChatContext, args: Args): Promise<void>;
  /** Tells the room the command failed for good (the outbox gave up); a generic apology otherwise. */
  onFailure?(ctx: ChatContext, error: unknown, attempts: number): Promise<void>;
}

export function findCommand(commands: readonly Command<any>[], text: string, info: ParseInfo): { command: Command<any>; args: unknown } | undefined {
  for (const command of commands) {
    const args = command.parse(text, info);
    if (args !== undefined) return { command, args };
  }
  return undefined;
}
