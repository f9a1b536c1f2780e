import type { Store } from '../store/store.js';
import type { Member, Room, StoredMessage } from './types.js';

/**
 * A room's log as stdio JSON Lines, in time order. Edits and recalls follow their message as
 * `edit` and `recall` lines, so feeding the export back to the bot rebuilds the same log.
 * `undefined` when no group room has that topic or id.
 */
export async function exportRoom(store: Store, name: string): Promise<AsyncIterable<string> | undefined> {
  const room = await store.rooms.findByName(name);
  return room && lines(store, room);
}

async function* lines(store: Store, room: Room): AsyncIterable<string> {
  const members = new Map<number, Member | undefined>();
  const roomRef = { id: room.externalId, ...(room.topic ? { topic: room.topic } : {}) };
  for await (const message of store.messages.streamRoom(room.id)) {
    if (!members.has(message.senderId)) members.set(message.senderId, await store.members.findById(message.senderId));
    const sender = members.get(message.senderId);
    const from = { id: sender?.externalId ?? String(message.senderId), ...(sender?.name ? { name: sender.name } : {}) };
    const history = message.editedAt ? await store.messages.revisions(message.id) : [];
    const firstText = history[0]?.text ?? message.text;
    yield JSON.stringify(messageLine(message, roomRef, from, firstText));
    const texts = [...history.slice(1).map((revision) => revision.text), message.text];
    for (const [index, revision] of history.entries()) {
      yield JSON.stringify({ type: 'edit', id: message.platformMsgId, room: { id: room.externalId }, text: texts[index], ts: revision.replacedAt.toISOString() });
    }
    if (message.recalledAt) yield JSON.stringify({ type: 'recall', id: message.platformMsgId, room: { id: room.externalId }, ts: message.recalledAt.toISOString() });
  }
}

function messageLine(message: StoredMessage, room: { id: string; topic?: string }, from: { id: string; name?: string }, text: string) {
  return {
    type: 'message',
    id: message.platformMsgId,
    room,
    from,
    text,
    ts: message.ts.toISOString(),
    ...(message.kind !== 'text' ? { kind: message.kind } : {}),
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    ...(message.isSelf ? { self: true } : {}),
  };
}
