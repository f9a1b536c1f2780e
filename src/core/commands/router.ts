import type { Middleware } from '../compose.js';
import type { ChatContext } from '../context.js';
import type { Command } from './command.js';

/** Runs the first command of the table that parses the message; other messages go on to the next feature. */
export function commandRouter(commands: readonly Command<any>[]): Middleware<ChatContext> {
  return async (ctx, next) => {
    for (const command of commands) {
      const args = command.parse(ctx.message.text, ctx);
      if (args === undefined) continue;
      ctx.log.info({ command: command.name }, 'command');
      if (command.permission === 'admin' && !ctx.isAdmin) return ctx.reply(ctx.t('command.denied', { command: command.name }));
      return command.run(ctx, args);
    }
    await next();
  };
}
