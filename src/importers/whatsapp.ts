import { basename, extname } from 'node:path';
import type { MessageKind } from '../core/types.js';
import { datedBlocks } from './dated-blocks.js';
import { MAX_LINE_BYTES, type ImportedMessage, type ImportItem, type ImporterOptions } from './import-record.js';
import { openFile, readLines } from './read-input.js';

/** `[25/12/2023, 10:00:00] Name: text` (iOS) or `25/12/23, 10:00 - Name: text` (Android), 12- or 24-hour. */
const HEADER = /^\u200e?(\[)?(\d{1,4})[./-](\d{1,2})[./-](\d{1,4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AaPp])\.?\s?[Mm]\.?)?(?:\] | - )(.*)$/;
const SNIFFED_HEADERS = 2000;
const SYSTEM = { id: 'system', name: 'WhatsApp' };

type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** WhatsApp "Export chat" `.txt`, both date styles; a message may span several lines. Times are local. */
export async function* importWhatsApp(path: string, options: ImporterOptions = {}): AsyncGenerator<ImportItem> {
  const maxBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  const order = await dateOrder(path, maxBytes);
  const name = options.chat ?? basename(path, extname(path));
  const room = { id: name, topic: name };
  const parse = (line: string) => {
    const match = HEADER.exec(line);
    if (!match) return undefined;
    const ts = timeOf(match, order);
    return ts ? { ts, rest: match[9]! } : 'invalid';
  };
  for await (const block of datedBlocks(readLines(openFile(path, options.onBytes), maxBytes), parse, 'dated', maxBytes)) {
    if (block.type === 'bad') yield block;
    else {
      const { from, text, kind } = body(block.head.rest);
      yield { type: 'message', platform: 'whatsapp', room, ts: block.head.ts, from, kind, text: [text, ...block.lines].join('\n') };
    }
  }
}

function body(rest: string): Pick<ImportedMessage, 'from' | 'text' | 'kind'> {
  const colon = rest.indexOf(': ');
  if (colon < 0) return { from: SYSTEM, text: rest.replace(/^\u200e/, ''), kind: 'system' };
  const name = rest.slice(0, colon).replace(/^\u200e/, '');
  const text = rest.slice(colon + 2);
  return { from: { id: name, name }, text: text.replace(/^\u200e/, ''), kind: kindOf(text) };
}

function kindOf(text: string): MessageKind {
  if (text === '<Media omitted>') return 'file';
  if (!text.startsWith('\u200e')) return 'text';
  if (/image omitted$/.test(text)) return 'image';
  if (/video omitted$/.test(text)) return 'video';
  if (/audio omitted$/.test(text)) return 'audio';
  if (/sticker omitted$/.test(text)) return 'emoticon';
  if (/omitted$/.test(text)) return 'file';
  return 'system';
}

function timeOf(match: RegExpExecArray, order: DateOrder): Date | undefined {
  const [a, b, c] = [Number(match[2]), Number(match[3]), Number(match[4])];
  const [year, month, day] = order === 'ymd' ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a];
  let hour = Number(match[5]);
  const meridiem = match[8]?.toLowerCase();
  if (meridiem) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  const fullYear = year < 100 ? 2000 + year : year;
  const date = new Date(fullYear, month - 1, day, hour, Number(match[6]), Number(match[7] ?? 0));
  return date.getMonth() === month - 1 && date.getDate() === day && hour < 24 ? date : undefined;
}

/** Day or month first: decided by the first dates whose day is over 12; day first when none tells. */
async function dateOrder(path: string, maxLineBytes: number): Promise<DateOrder> {
  let seen = 0;
  for await (const line of readLines(openFile(path), maxLineBytes)) {
    const match = line.kind === 'text' && HEADER.exec(line.text);
    if (!match) continue;
    if (match[2]!.length === 4) return 'ymd';
    if (Number(match[2]) > 12) return 'dmy';
    if (Number(match[3]) > 12) return 'mdy';
    if (++seen >= SNIFFED_HEADERS) break;
  }
  return 'dmy';
}
