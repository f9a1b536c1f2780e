import SQLite from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { HistoryMessage } from './store.js';

const COLUMNS = 'id, platform_msg_id, sender_id, kind, text, ts, reply_to, is_self, recalled_at is not null, conversation_id, command';
type Row = [number, string, number, string, string, number, string | null, number, number, string | null, string | null];

/**
 * `messages.historyPages` on an SQLite file: a read of a whole room's history (the analytics)
 * on a read-only connection of its own, with prepared statements returning plain arrays. WAL
 * lets it read beside the writing connection, and it sees only committed messages, never the
 * half of an open transaction on the other connection.
 */
export function sqliteHistoryPages(path: string): { historyPages: (roomId: number, pageSize?: number) => AsyncIterable<HistoryMessage[]>; close: () => void } {
  let reader: { database: SQLite.Database; first: Statement; next: Statement } | undefined;
  const open = () => {
    if (reader) return reader;
    const database = new SQLite(path, { readonly: true, fileMustExist: true });
    database.pragma('busy_timeout = 5000');
    const first = database.prepare(`select ${COLUMNS} from messages where room_id = ? order by ts, id limit ?`).raw(true);
    const next = database.prepare(`select ${COLUMNS} from messages where room_id = ? and (ts, id) > (?, ?) order by ts, id limit ?`).raw(true);
    return (reader = { database, first, next });
  };
  async function* historyPages(roomId: number, pageSize = 20_000): AsyncIterable<HistoryMessage[]> {
    const { first, next } = open();
    let after: Row | undefined;
    for (;;) {
      const rows = (after ? next.all(roomId, after[5], after[0], pageSize) : first.all(roomId, pageSize)) as Row[];
      const page: HistoryMessage[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        page[i] = { platformMsgId: r[1], senderId: r[2], kind: r[3], text: r[4], ts: r[5], replyTo: r[6], isSelf: r[7] !== 0, recalled: r[8] !== 0, conversationId: r[9], command: r[10] };
      }
      if (page.length > 0) yield page;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1];
    }
  }
  return { historyPages, close: () => reader?.database.close() };
}
