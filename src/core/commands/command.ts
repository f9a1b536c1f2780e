import type { ChatContext } from '../context.js';

export type Permission = 'anyone' | 'admin';

/** One row of the command table: how it is said (zh and en), who may run it, and what it does. */
export interface Command<Args = unknown> {
  name: string;
  /** Example forms shown in help, per language. */
  usage: { 'zh-CN': string; en: string };
  help: { 'zh-CN': string; en: string };
  permission: Permission;
  /** Arguments when `text` is this command, `undefined` when it is not. */
  parse(text: string, ctx: ChatContext): Args | undefined;
  run(ctx: ChatContext, args: Args): Promise<void>;
}
