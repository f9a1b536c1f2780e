import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { StoredMessage } from '../core/types.js';
import type { MessageInput } from './store.js';
import { storableParameters } from './storable-text.js';

/**
 * The message insert on SQLite, the ingest hot path: one statement prepared once and run per row
 * on the same connection (so it joins the caller's Kysely transaction), instead of a multi-row
 * statement built, compiled and prepared again for every batch.
 */
export function sqliteMessageInsert(database: SqliteDatabase): (inputs: MessageInput[], now?: number) => (StoredMessage | undefined)[] {
  let statement: Statement | undefined;
  return (inputs, now = Date.now()) => {
    statement ??= database.prepare(
      `insert into messages (room_id, sender_id, platform_msg_id, kind, text, ts, reply_to, is_self, command, created_at, conversation_id, thread_parent)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (room_id, platform_msg_id) do nothing`,
    );
    const run = statement;
    return inputs.map((input) => {
      const ts = input.ts.getTime();
      // Stored as PostgreSQL would store it (see storableText); what it returns is what a read returns.
      const [platformMsgId, text, replyTo, conversationId, threadParent] = storableParameters([input.platformMsgId, input.text, input.replyTo ?? null, input.conversationId ?? null, input.threadParent ?? null] as const);
      const result = run.run(input.roomId, input.senderId, platformMsgId, input.kind, text, ts, replyTo, input.isSelf ? 1 : 0, input.command ?? null, now, conversationId, threadParent);
      if (result.changes !== 1) return undefined;
      return {
        id: Number(result.lastInsertRowid),
        roomId: input.roomId,
        senderId: input.senderId,
        platformMsgId,
        kind: input.kind,
        text,
        ts: new Date(ts),
        replyTo,
        isSelf: input.isSelf,
        recalledAt: null,
        editedAt: null,
        command: input.command ?? null,
        conversationId,
        threadParent,
      };
    });
  };
}

