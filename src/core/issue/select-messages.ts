import type { ChatContext } from '../context.js';
import type { StoredMessage } from '../types.js';
import type { IssueCount } from './parse-issue-command.js';

export type Selection =
  | { ok: true; messages: StoredMessage[]; wanted?: number }
  | { ok: false; reason: 'too-many' | 'nothing' | 'quoted-missing' };

/**
 * The messages an issue command takes: the N people wrote before it (not the bot's, not other
 * commands), those since the last command (at most the default count), or the quoted one.
 */
export async function selectMessages(ctx: ChatContext, count: IssueCount): Promise<Selection> {
  const { store, room, message, services } = ctx;
  if (count === 'quoted') {
    const quoted = message.replyTo ? await store.messages.findByPlatformId(room.id, message.replyTo) : undefined;
    return quoted && !quoted.recalledAt ? { ok: true, messages: [quoted] } : { ok: false, reason: 'quoted-missing' };
  }
  if (count !== 'default' && count > services.issues.maxCount) return { ok: false, reason: 'too-many' };
  const since = count === 'default' ? await store.messages.lastCommandBefore(room.id, message.id) : undefined;
  const limit = count === 'default' ? services.issues.defaultCount : count;
  const messages = await store.messages.before(room.id, message.id, limit, since?.id);
  if (messages.length === 0) return { ok: false, reason: 'nothing' };
  return { ok: true, messages, ...(count === 'default' ? {} : { wanted: count }) };
}
