import { basename, extname } from 'node:path';
import { parse } from 'csv-parse';
import type { MessageKind } from '../core/types.js';
import { limitCsvRecords } from './csv-record-limit.js';
import { bad, lineTooLong, MAX_LINE_BYTES, type ImportItem, type ImporterOptions } from './import-record.js';
import { openFile } from './read-input.js';

/** One row of the WeChatMsg/MemoTrace CSV export (`<name>_utf8.csv`). */
interface WeChatRow {
  localId?: string;
  TalkerId?: string;
  Type?: string;
  SubType?: string;
  IsSender?: string;
  CreateTime?: string;
  StrContent?: string;
  StrTime?: string;
  Remark?: string;
  NickName?: string;
  Sender?: string;
}

const KINDS: Record<string, MessageKind> = {
  '1': 'text', '3': 'image', '34': 'audio', '42': 'contact', '43': 'video', '47': 'emoticon', '48': 'location', '10000': 'system', '10002': 'system',
};
const APP_KINDS: Record<string, MessageKind> = { '5': 'url', '6': 'file', '19': 'chat-history', '33': 'mini-program', '36': 'mini-program', '57': 'text', '2000': 'transfer' };

/**
 * WeChatMsg (MemoTrace) CSV: localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,
 * StrTime,Remark,NickName,Sender; CreateTime in Unix seconds, Sender the member's wxid.
 */
export async function* importWeChatCsv(path: string, options: ImporterOptions = {}): AsyncGenerator<ImportItem> {
  const name = options.chat ?? basename(path, extname(path)).replace(/_utf8$/, '');
  const room = { id: name, topic: name };
  const skipped: ImportItem[] = [];
  const maxBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  const limit = limitCsvRecords(maxBytes, (line, bytes) => skipped.push(lineTooLong(`line ${line}`, bytes, maxBytes)));
  const rows = openFile(path, options.onBytes).pipe(limit).pipe(
    parse({
      bom: true,
      columns: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => void skipped.push(bad(`line ${error?.lines ?? '?'}`, error?.message ?? 'unreadable CSV record')),
    }),
  );
  for await (const { record, info } of rows as AsyncIterable<{ record: WeChatRow; info: { lines: number } }>) {
    yield* skipped.splice(0, skipped.length);
    yield parseWeChatRow(record, room, `line ${info.lines}`);
  }
  yield* skipped;
}

export function parseWeChatRow(row: WeChatRow, room: { id: string; topic: string }, at: string): ImportItem {
  const seconds = Number(row.CreateTime);
  if (!row.CreateTime || !Number.isFinite(seconds)) return bad(at, 'CreateTime: expected Unix seconds');
  const kind = row.Type === '49' ? APP_KINDS[row.SubType ?? ''] ?? 'unknown' : KINDS[row.Type ?? ''] ?? 'unknown';
  const senderId = row.Sender || (kind === 'system' ? 'system' : '');
  if (!senderId) return bad(at, 'Sender: missing');
  const name = row.Remark || row.NickName || undefined;
  const text = row.StrContent ?? '';
  return {
    type: 'message',
    platform: 'wechat',
    room,
    from: { id: senderId, ...(name ? { name } : {}) },
    text: text || (kind === 'text' ? '' : `[${kind}]`),
    ts: new Date(seconds * 1000),
    kind,
  };
}
