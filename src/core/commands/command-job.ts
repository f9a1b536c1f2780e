import type { OutboxJob } from '../../store/store.js';
import { OsschatError } from '../errors.js';
import type { ChatContext } from '../context.js';
import type { Services } from '../services.js';
import type { JobHandler } from '../outbox/worker.js';
import { refuse } from '../admins/refuse.js';
import { findCommand, permits, type Command, type ParseInfo } from './command.js';

export interface CommandJobPayload {
  messageId: number;
}

/** Runs a stored command message: the outbox retries it after a crash or a forge outage. */
export function commandJob(
  commands: readonly Command<any>[],
  contextFor: (messageId: number, attempt: number) => Promise<ChatContext>,
  services: Pick<Services, 'botNames'>,
): JobHandler {
  return {
    async run(job: OutboxJob) {
      const ctx = await contextFor((job.payload as CommandJobPayload).messageId, job.attempts);
      const quoted = ctx.message.replyTo ? await ctx.store.messages.findByPlatformId(ctx.room.id, ctx.message.replyTo) : undefined;
      const info: ParseInfo = { quoting: Boolean(ctx.message.replyTo), quoted: quoted && { text: quoted.text, fromBot: quoted.isSelf }, botNames: services.botNames };
      const found = findCommand(commands, ctx.message.text, info);
      if (!found) throw new OsschatError('bad-input', `message ${ctx.message.id} is no longer a command`);
      ctx.log.info({ command: found.command.name, attempt: job.attempts }, 'command');
      const { permission, name } = found.command;
      if (!permits(permission, ctx)) return refuse(ctx, { command: name, permission: permission === 'room-admin' ? 'room-admin' : 'admin' });
      await found.command.run(ctx, found.args);
    },
    async onFailure(job, error) {
      if (error instanceof OsschatError && error.options.told) return;
      const ctx = await contextFor((job.payload as CommandJobPayload).messageId, job.attempts);
      const command = commands.find((candidate) => candidate.name === ctx.message.command);
      if (command?.onFailure) return command.onFailure(ctx, error, job.attempts);
      await ctx.reply(ctx.t('command.failed', { command: ctx.message.command ?? '' }));
    },
  };
}
