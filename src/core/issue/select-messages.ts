import type { ChatContext } from '../context.js';
import type { StoredMessage } from '../types.js';
import type { IssueCount } from './parse-issue-command.js';

export type Selection =
  | { ok: true; messages: StoredMessage[]; wanted?: number; by?: 'conversation' | 'since-command' }
  | { ok: false; reason: 'too-many' | 'nothing' | 'quoted-missing' };

/**
 * The messages an issue command takes: the N people wrote before it (not the bot's, not other
 * commands), the quoted one, or — without N — the conversation of the last message before it.
 */
export async function selectMessages(ctx: ChatContext, count: IssueCount): Promise<Selection> {
  const { store, room, message, services } = ctx;
  if (count === 'quoted') {
    const quoted = message.replyTo ? await store.messages.findByPlatformId(room.id, message.replyTo) : undefined;
    return quoted && !quoted.recalledAt ? { ok: true, messages: [quoted] } : { ok: false, reason: 'quoted-missing' };
  }
  if (count === 'default') return currentConversation(ctx);
  if (count > services.issues.maxCount) return { ok: false, reason: 'too-many' };
  const messages = await store.messages.before(room.id, message.id, count);
  if (messages.length === 0) return { ok: false, reason: 'nothing' };
  return { ok: true, messages, wanted: count };
}

/**
 * The conversation of the last message before the command, without what an earlier issue
 * command already took; where messages were never placed in conversations (a log from before
 * threading), those since the last command, at most `issues.defaultCount`.
 */
async function currentConversation(ctx: ChatContext): Promise<Selection> {
  const { store, room, message, services } = ctx;
  const [last] = await store.messages.before(room.id, message.id, 1);
  if (last === undefined) return { ok: false, reason: 'nothing' };
  if (last.conversationId === null) {
    const since = await store.messages.lastCommandBefore(room.id, message.id);
    const messages = await store.messages.before(room.id, message.id, services.issues.defaultCount, since?.id);
    return messages.length ? { ok: true, messages, by: 'since-command' } : { ok: false, reason: 'nothing' };
  }
  const filed = await store.messages.lastCommandBefore(room.id, message.id, 'issue');
  const conversation = await store.messages.inConversation(room.id, last.conversationId, message.id, services.issues.maxCount);
  const messages = conversation.filter((m) => filed === undefined || m.id > filed.id);
  return { ok: true, messages: messages.length ? messages : [last], by: 'conversation' };
}
