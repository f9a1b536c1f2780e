import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORTERS, type ImportFormat } from '../../src/importers/formats.js';
import type { ImportedMessage, ImportItem } from '../../src/importers/import-record.js';

const LIMIT = 150;
const long = 'x'.repeat(300);

async function read(format: ImportFormat, file: string, content: string): Promise<ImportItem[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'osschat-line-limit-')), file);
  writeFileSync(path, content);
  const items: ImportItem[] = [];
  for await (const item of IMPORTERS[format](path, { maxLineBytes: LIMIT })) items.push(item);
  return items;
}
const texts = (items: ImportItem[]) => items.filter((item): item is ImportedMessage => item.type === 'message').map((item) => item.text);
const bads = (items: ImportItem[]) => items.flatMap((item) => (item.type === 'bad' ? [item.at] : []));

describe('line-based importers pass over a line longer than the limit', () => {
  it('WeChat CSV: a record over the limit spanning quoted newlines; the records and line numbers after it stay right', async () => {
    const header = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n';
    const row = (id: number, text: string, time = String(1704160800 + id)) => `${id},12,1,0,0,${time},2,${text},2024-01-02 10:00:00,,张三,wxid_a\n`;
    const items = await read('wechat-csv', 'chat_utf8.csv', header + row(1, '"a\nb"') + row(2, `"${long}\n""quoted""\n${long}"`) + row(3, 'after') + row(4, 'bad', 'never'));
    expect(texts(items)).toEqual(['a\nb', 'after']);
    expect(bads(items)).toEqual(['line 4', 'line 8']);
    expect(items.find((item) => item.type === 'bad')).toMatchObject({ lineTooLong: { limit: LIMIT } });
  });

  it('an unclosed quote makes the rest of a CSV one record: passed over, never held whole', async () => {
    const header = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n';
    const items = await read('wechat-csv', 'chat_utf8.csv', `${header}1,12,1,0,0,1704160801,2,"open\n${long}\n`);
    expect(bads(items)).toEqual(['line 2']);
  });

  it('WeChat text: a long continuation line costs its whole message, never a cut one', async () => {
    const items = await read('wechat-text', 'chat.txt', `2024-01-02 10:00:00 张三\nfirst\n\n2024-01-02 10:01:00 Alice\nkept?\n${long}\nmore\n\n2024-01-02 10:02:00 张三\nlast\n`);
    expect(texts(items)).toEqual(['first', 'last']);
    expect(bads(items)).toEqual(['line 6 (in the message of line 4)']);
  });

  it('WhatsApp: a long dated line costs only itself and its continuation lines', async () => {
    const items = await read('whatsapp', 'chat.txt', `1/2/24, 10:00 - 张三: first\n1/2/24, 10:01 - Alice: ${long}\nits second line\n1/2/24, 10:02 - 张三: last\n`);
    expect(texts(items)).toEqual(['first', 'last']);
    expect(bads(items)).toEqual(['line 2']);
  });

  it('JSON Lines: a long line is one bad record, the next line is read', async () => {
    const line = (id: string, text: string) => JSON.stringify({ type: 'message', id, room: { id: 'r' }, from: { id: 'u' }, text, ts: '2024-01-02T10:00:00Z' });
    const items = await read('jsonl', 'chat.jsonl', [line('1', 'a'), line('2', long), line('3', 'b')].join('\n'));
    expect(texts(items)).toEqual(['a', 'b']);
    expect(bads(items)).toEqual(['line 2']);
  });
});
